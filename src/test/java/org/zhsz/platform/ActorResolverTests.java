package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.zhsz.platform.security.ActorResolver;

class ActorResolverTests {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).subject("s");
        claims.forEach(b::claim);
        return b.build();
    }

    @Test
    void readsRolesSchoolAndChineseName() {
        Actor a = ActorResolver.fromJwt(jwt(Map.of("preferred_username", "head_c1", "school_id", "S1",
                "family_name", "马", "given_name", "晓梅",
                "realm_access", Map.of("roles", List.of("head_teacher", "teacher", "offline_access")))));
        assertThat(a.roles()).containsExactlyInAnyOrder(Role.HEAD_TEACHER, Role.TEACHER);
        assertThat(a.displayName()).isEqualTo("马晓梅");
        assertThat(a.schoolId()).isEqualTo("S1");
        assertThat(a.primaryRole()).isEqualTo(Role.HEAD_TEACHER);
    }

    @Test
    void refusesTokensWithoutAKnownRole() {
        assertThatThrownBy(() -> ActorResolver.fromJwt(jwt(Map.of("preferred_username", "x", "school_id", "S1",
                "realm_access", Map.of("roles", List.of("superuser"))))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
    }

    @Test
    void refusesSchoolRolesWithoutSchool() {
        assertThatThrownBy(() -> ActorResolver.fromJwt(jwt(Map.of("preferred_username", "x",
                "realm_access", Map.of("roles", List.of("teacher"))))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.properties()).containsEntry("reason",
                        "missing_school_id"));
    }

    @Test
    void countyRolesNeedNoSchool() {
        Actor a = ActorResolver.fromJwt(jwt(Map.of("preferred_username", "bureau", "county_id", "640424",
                "realm_access", Map.of("roles", List.of("bureau_admin")))));
        assertThat(a.schoolId()).isNull();
        assertThat(a.countyId()).isEqualTo("640424");
    }
}
