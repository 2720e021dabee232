package org.zhsz.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.zhsz.platform.FieldCipher;
import org.zhsz.platform.ReEncryptable;
import org.zhsz.platform.store.StoreInfo;

import reactor.core.publisher.Flux;

/**
 * Field-encryption keys come from {@code zhsz.encryption.keys} (env ZHSZ_ENCRYPTION_KEYS, a Kubernetes secret):
 * {@code keyId:base64(32 bytes)[,keyId:base64...]}, the first being active. Without it, the embedded run
 * generates a development key under the data directory (never committed); a real MongoDB without keys refuses
 * to start, because the database alone must never reveal the data.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfig {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfig.class);

    @Bean
    FieldCipher fieldCipher(@Value("${zhsz.encryption.keys:}") String configured, StoreInfo store) throws IOException {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String spec = configured;
        if (spec == null || spec.isBlank()) {
            if (!store.embedded()) {
                throw new IllegalStateException("ZHSZ_ENCRYPTION_KEYS must be set when a real MongoDB is used");
            }
            spec = devKeys(store.embeddedFile().getParent().resolve("keys").resolve("field-keys"));
        }
        String active = null;
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("encryption key must look like keyId:base64");
            }
            String id = p.substring(0, colon);
            byte[] raw = Base64.getDecoder().decode(p.substring(colon + 1));
            keys.put(id, new SecretKeySpec(raw, "AES"));
            if (active == null) {
                active = id;
            }
        }
        log.info("Field encryption: AES-256-GCM, {} key(s), active key '{}'", keys.size(), active);
        return new FieldCipher(keys, active);
    }

    private static String devKeys(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        Files.createDirectories(file.getParent());
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String spec = "dev-" + LocalDate.now() + ":" + Base64.getEncoder().encodeToString(raw);
        Files.writeString(file, spec, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        log.warn("Generated a development field-encryption key in {} (set ZHSZ_ENCRYPTION_KEYS in production)", file);
        return spec;
    }

    /** After a key rotation, moves data under older keys to the active key, in the background. */
    @Bean
    ReEncryptionJob reEncryptionJob(FieldCipher cipher, List<ReEncryptable> parts) {
        return new ReEncryptionJob(cipher, parts);
    }

    static final class ReEncryptionJob {
        private final FieldCipher cipher;
        private final List<ReEncryptable> parts;

        ReEncryptionJob(FieldCipher cipher, List<ReEncryptable> parts) {
            this.cipher = cipher;
            this.parts = parts;
        }

        @EventListener(ApplicationReadyEvent.class)
        void onReady() {
            run().subscribe(n -> {
                if (n > 0) {
                    log.info("Re-encrypted {} document(s) under key '{}'", n, cipher.activeKeyId());
                }
            }, e -> log.error("Re-encryption failed; it runs again at the next start", e));
        }

        reactor.core.publisher.Mono<Long> run() {
            return Flux.fromIterable(parts).concatMap(p -> p.reEncrypt(cipher)).reduce(0L, Long::sum);
        }
    }
}
