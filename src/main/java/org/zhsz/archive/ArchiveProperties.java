package org.zhsz.archive;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Archive settings.
 *
 * @param selectionLimit      records a student may select per dimension and term (default 5)
 * @param publicityDays       working days of a publicity window (default 5)
 * @param holidays            public holidays skipped by publicity windows (ISO dates)
 * @param makeUpWorkdays      weekend days worked instead (调休), counted by publicity windows
 * @param verificationBaseUrl where the QR code on a dossier points (the public verification page)
 * @param keyDir              where the embedded run keeps its self-signed demo school keys
 */
@ConfigurationProperties("zhsz.archive")
record ArchiveProperties(Integer selectionLimit, Integer publicityDays, List<LocalDate> holidays,
                         List<LocalDate> makeUpWorkdays, String verificationBaseUrl, String keyDir) {

    ArchiveProperties {
        selectionLimit = selectionLimit == null ? 5 : selectionLimit;
        publicityDays = publicityDays == null ? 5 : publicityDays;
        holidays = holidays == null ? List.of() : holidays;
        makeUpWorkdays = makeUpWorkdays == null ? List.of() : makeUpWorkdays;
        verificationBaseUrl = verificationBaseUrl == null || verificationBaseUrl.isBlank()
                ? "http://localhost:8080/verify/" : verificationBaseUrl;
    }
}
