package org.zhsz.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Role;

/**
 * Builds the {@link Actor} from a validated token. A token without any known role, or a school-scoped role
 * without {@code school_id}, is refused: such a caller has no defined scope, so nothing may be guessed.
 */
public final class ActorResolver {

    private ActorResolver() {
    }

    public static Actor fromJwt(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> ra && ra.get("roles") instanceof Collection<?> list) {
            for (Object o : list) {
                if (o instanceof String s) {
                    Role.fromClaim(s).ifPresent(roles::add);
                }
            }
        }
        if (roles.isEmpty()) {
            throw Problems.forbidden("no_known_role");
        }
        String schoolId = blankToNull(jwt.getClaimAsString("school_id"));
        String countyId = blankToNull(jwt.getClaimAsString("county_id"));
        if (schoolId == null && roles.stream().anyMatch(Role::schoolScoped)) {
            throw Problems.forbidden("missing_school_id");
        }
        String username = blankToNull(jwt.getClaimAsString("preferred_username"));
        if (username == null) {
            throw Problems.forbidden("missing_username");
        }
        String family = blankToNull(jwt.getClaimAsString("family_name"));
        String given = blankToNull(jwt.getClaimAsString("given_name"));
        String name;
        if (family != null && given != null && isCjk(family) && isCjk(given)) {
            name = family + given; // Chinese order: 马晓梅, not "晓梅 马"
        } else {
            name = blankToNull(jwt.getClaimAsString("name"));
            if (name == null) {
                name = family != null || given != null ? (nz(given) + " " + nz(family)).trim() : username;
            }
        }
        return new Actor(jwt.getSubject(), username, name, roles, schoolId, countyId);
    }

    private static boolean isCjk(String s) {
        return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || cp == '·');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
