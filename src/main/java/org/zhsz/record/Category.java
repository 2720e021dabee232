package org.zhsz.record;

import java.util.Map;

import org.jspecify.annotations.Nullable;



/**
 * A record category: data, with defaults per dimension and per-school overrides.
 *
 * @param privateToFamily never shown in publicity (e.g. violations), visible to the student, guardians and staff
 * @param severity        records of this category carry a severity (violations)
 * @param hours           records count hours (labour, service, practice)
 * @param skill           SPORTS or ARTS when a record of this category states a skill the student has mastered
 */
public record Category(Dimension dimension, String code, String zh, @Nullable String en, boolean privateToFamily,
                       boolean severity, boolean hours, @Nullable String skill) {

    static Category of(Map<String, Object> m) {
        return new Category(Dimension.valueOf((String) m.get("dimension")), (String) m.get("code"),
                (String) m.get("zh"), (String) m.get("en"), Boolean.TRUE.equals(m.get("private")),
                Boolean.TRUE.equals(m.get("severity")), Boolean.TRUE.equals(m.get("hours")),
                (String) m.get("skill"));
    }
}
