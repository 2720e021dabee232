package org.zhsz.archive;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key each school signs its dossiers with. In production a PKCS#12 issued to the school (or the county) is
 * configured ({@code zhsz.archive.signing-keystore}, {@code …-password}); in the embedded demo run every school
 * gets a self-signed certificate under the data directory, created on first use and never committed.
 */
@Component
class SchoolKeys {

    private static final Logger log = LoggerFactory.getLogger(SchoolKeys.class);
    private static final char[] DEMO_PASSWORD = "zhsz-demo-keystore".toCharArray();

    private final Path demoDir;
    private final String keystore;
    private final char[] password;
    private final Map<String, SchoolKey> cache = new ConcurrentHashMap<>();

    SchoolKeys(ArchiveProperties props,
               @Value("${zhsz.archive.signing-keystore:${ZHSZ_SIGNING_KEYSTORE:}}") String keystore,
               @Value("${zhsz.archive.signing-keystore-password:${ZHSZ_SIGNING_KEYSTORE_PASSWORD:}}") String password) {
        this.demoDir = Path.of(props.keyDir() == null ? "./data/keys" : props.keyDir());
        this.keystore = keystore;
        this.password = password == null ? new char[0] : password.toCharArray();
    }

    /** Blocking (file and key work): call on boundedElastic. */
    SchoolKey of(String schoolId, String schoolName) {
        return cache.computeIfAbsent(keystore != null && !keystore.isBlank() ? "configured" : schoolId, k -> {
            if (keystore != null && !keystore.isBlank()) {
                log.info("Dossiers are signed with the configured keystore {}", keystore);
                try {
                    return DemoSchoolKeys.load(Path.of(keystore), password);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read the signing keystore " + keystore, e);
                }
            }
            log.warn("Signing dossiers of {} with a self-signed demo certificate in {}", schoolId, demoDir);
            return DemoSchoolKeys.loadOrCreate(demoDir, schoolId, schoolName, DEMO_PASSWORD);
        });
    }
}
