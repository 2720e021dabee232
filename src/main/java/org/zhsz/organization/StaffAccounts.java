package org.zhsz.organization;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Role;
import org.zhsz.platform.TemporaryPasswords;
import org.zhsz.platform.UserAccounts;
import org.zhsz.platform.UserAccounts.Account;
import org.zhsz.platform.UserAccounts.NewAccount;

import reactor.core.publisher.Mono;

/**
 * Keycloak accounts of staff: made with the staff record (realm roles and {@code school_id}), disabled when they
 * leave, enabled when they come back. An account that already exists for the same username in the same school
 * (e.g. made by hand before the platform provisioned accounts) is linked, not replaced; one in another school, or
 * with no school, is refused (409). Nothing happens when provisioning is off.
 */
@Component
class StaffAccounts {

    /** Realm roles a school admin may give staff of their school. */
    static final Set<Role> STAFF_ROLES = EnumSet.of(Role.TEACHER, Role.HEAD_TEACHER, Role.COUNSELOR,
            Role.SCHOOL_ADMIN, Role.SCHOOL_DOCTOR);

    private final UserAccounts accounts;

    StaffAccounts(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** A new account's one-time password ({@code created}), or a linked existing account (no password). */
    record Issued(Account account, String temporaryPassword, boolean created) {
    }

    /** The roles as realm roles; a head teacher is also a teacher. 422 for anything else. */
    static Set<Role> roles(Set<String> claims) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String c : claims == null || claims.isEmpty() ? Set.of("teacher") : claims) {
            Role r = Role.fromClaim(c).orElse(null);
            if (r == null || !STAFF_ROLES.contains(r)) {
                throw Problems.invalid(java.util.List.of(new FieldError("roles", "not_a_staff_role",
                        "a staff member's roles are teacher, head_teacher, counselor, school_admin or school_doctor")));
            }
            out.add(r);
        }
        if (out.contains(Role.HEAD_TEACHER)) {
            out.add(Role.TEACHER);
        }
        return out;
    }

    Mono<Optional<Issued>> provide(String username, String name, Set<Role> roles, String schoolId) {
        if (!accounts.enabled()) {
            return Mono.just(Optional.empty());
        }
        String marker = "staff:" + schoolId + ":" + username;
        String[] names = org.zhsz.platform.PersonNames.familyAndGiven(name);
        NewAccount wanted = new NewAccount(username, roles, schoolId, names[0], names[1], marker);
        return accounts.check().then(accounts.find(username)).flatMap(found -> {
            String password = TemporaryPasswords.next();
            if (found.isEmpty()) {
                return accounts.create(wanted, password).map(a -> Optional.of(new Issued(a, password, true)));
            }
            Account a = found.get();
            if (marker.equals(a.marker())) {
                return accounts.adopt(a, wanted, password).map(x -> Optional.of(new Issued(x, password, false)));
            }
            if (schoolId.equals(a.schoolId())) {
                return Mono.just(Optional.of(new Issued(a, null, false)));
            }
            return Mono.error(Problems.conflict("account_exists",
                    "An account with the username {0} exists for someone outside this school", username));
        });
    }

    /** Undoes {@link #provide} after the staff record could not be saved. */
    Mono<Void> undo(Optional<Issued> issued) {
        return issued.filter(Issued::created).map(i -> accounts.delete(i.account()).onErrorResume(e -> Mono.empty()))
                .orElse(Mono.empty());
    }

    Mono<Void> setActive(String username, boolean active) {
        return accounts.enabled() ? accounts.setEnabled(username, active) : Mono.empty();
    }
}
