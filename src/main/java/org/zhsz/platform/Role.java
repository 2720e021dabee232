package org.zhsz.platform;

import java.util.Arrays;
import java.util.Optional;

/** Realm roles of the {@code zhsz} Keycloak realm. The claim value is the lower-case name. */
public enum Role {
    STUDENT, PARENT, TEACHER, HEAD_TEACHER, COUNSELOR, SCHOOL_ADMIN, BUREAU_ADMIN, ADMISSIONS_OFFICER, AUDITOR,
    /** 校医 / 保健老师: the school's health data (vision, 晨午检 and sick-absence follow-ups, 特异体质 flags) */
    SCHOOL_DOCTOR;

    public String claim() {
        return name().toLowerCase();
    }

    /** True for roles whose every action happens inside one school (the token must name it). */
    public boolean schoolScoped() {
        return switch (this) {
            case BUREAU_ADMIN, AUDITOR, ADMISSIONS_OFFICER -> false;
            default -> true;
        };
    }

    public static Optional<Role> fromClaim(String claim) {
        if (claim == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(r -> r.claim().equals(claim)).findFirst();
    }
}
