package org.zhsz.platform;

import java.util.Set;

/**
 * Who is calling, resolved once per request from the validated JWT. Relationships (which classes a teacher
 * teaches this term, whose guardian a parent is) are not here: they come from the platform's own data.
 *
 * @param userId      the token subject
 * @param username    Keycloak {@code preferred_username}; the platform's stable key for a person
 * @param displayName the person's name as the token gives it (for audit and access logs)
 * @param roles       known realm roles; unknown role claims are dropped
 * @param schoolId    {@code school_id} attribute, required for school-scoped roles, else null
 * @param countyId    {@code county_id} attribute for county-level roles, else null
 */
public record Actor(String userId, String username, String displayName, Set<Role> roles, String schoolId,
                    String countyId) {

    /** The exchange attribute holding the request's actor once it was resolved from the token. */
    public static final String EXCHANGE_ATTRIBUTE = Actor.class.getName();

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role r : candidates) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean inSchool(String school) {
        return schoolId != null && schoolId.equals(school);
    }

    /** The role to show in audit and access logs: the most specific one held. */
    public Role primaryRole() {
        for (Role r : new Role[]{Role.AUDITOR, Role.BUREAU_ADMIN, Role.SCHOOL_ADMIN, Role.COUNSELOR,
                Role.SCHOOL_DOCTOR, Role.HEAD_TEACHER, Role.TEACHER, Role.ADMISSIONS_OFFICER, Role.PARENT,
                Role.STUDENT}) {
            if (roles.contains(r)) {
                return r;
            }
        }
        throw new IllegalStateException("actor without role");
    }
}
