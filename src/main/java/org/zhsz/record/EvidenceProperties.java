package org.zhsz.record;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on evidence files (佐证材料).
 *
 * @param quotaPerStudent  all evidence files of one student together (default 200 MB); an upload past it is a 413
 * @param unattachedGrace  a file no record refers to is removed this long after its upload (default 24 h), so a
 *                         form left open over lunch still finds its files
 * @param cleanupEvery     how often unattached files are looked for (default 1 h)
 */
@ConfigurationProperties("zhsz.records.evidence")
record EvidenceProperties(DataSize quotaPerStudent, Duration unattachedGrace, Duration cleanupEvery) {

    EvidenceProperties {
        if (quotaPerStudent == null || quotaPerStudent.toBytes() <= 0) {
            quotaPerStudent = DataSize.ofMegabytes(200);
        }
        if (unattachedGrace == null || unattachedGrace.isNegative() || unattachedGrace.isZero()) {
            unattachedGrace = Duration.ofHours(24);
        }
        if (cleanupEvery == null || cleanupEvery.isNegative() || cleanupEvery.isZero()) {
            cleanupEvery = Duration.ofHours(1);
        }
    }
}
