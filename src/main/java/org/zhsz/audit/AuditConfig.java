package org.zhsz.audit;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The key that signs seals and checkpoints, and where checkpoints go (beside the store's files unless set). */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    private static final Logger log = LoggerFactory.getLogger(AuditConfig.class);

    private static AuditProperties effective(AuditProperties props, Environment env) {
        return props.withDefaults(Path.of(env.getProperty("zhsz.store.embedded-path", "./data/zhsz.mv")));
    }

    @Bean
    AuditKeys auditKeys(AuditProperties configured, Environment env) {
        AuditProperties props = effective(configured, env);
        AuditKeys keys = AuditKeys.load(props.signingKey(), props.signingKeyFile(), props.trustedKeys());
        log.info("Audit: seals and checkpoints signed with Ed25519 key {} ({}); checkpoints in {}", keys.keyId(),
                props.signingKey() != null && !props.signingKey().isBlank() ? "zhsz.audit.signing-key"
                        : props.signingKeyFile().toAbsolutePath().normalize(),
                props.checkpointDir().toAbsolutePath().normalize());
        return keys;
    }

    @Bean
    AuditCheckpoints auditCheckpoints(AuditProperties configured, Environment env, AuditKeys keys) {
        return new AuditCheckpoints(effective(configured, env).checkpointDir(), keys);
    }
}
