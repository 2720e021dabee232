package org.zhsz.platform;

import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Login accounts in the identity provider (Keycloak), for the modules that onboard people: students and guardians
 * (student module) and staff (organization module). Implemented in {@code platform.identity} over Keycloak's Admin
 * REST API with a service-account client that may only manage users. Every failure to reach the identity provider
 * is a 503 {@link ApiException} ({@code accounts_unavailable}); callers change their own data only after the
 * accounts are in place, and undo accounts they created when a later step fails.
 */
public interface UserAccounts {

    /**
     * Whether this platform provisions accounts ({@code zhsz.accounts.client-secret} set). When it does not,
     * accounts are managed elsewhere (e.g. a county directory federated into Keycloak) and nothing here creates,
     * disables or enables one.
     */
    boolean enabled();

    /** The web app's address, printed on account slips ({@code zhsz.accounts.login-url}, env ZHSZ_PUBLIC_URL). */
    String loginUrl();

    /** Completes when the identity provider answers with the provisioning client's rights; 503 otherwise. */
    Mono<Void> check();

    /** The account with exactly this username, if any. */
    Mono<Optional<Account>> find(String username);

    /**
     * Creates an enabled account whose password is {@code temporaryPassword}, to be replaced at the first login
     * (Keycloak's UPDATE_PASSWORD required action). 409 {@code account_exists} if the username was taken meanwhile.
     */
    Mono<Account> create(NewAccount account, String temporaryPassword);

    /**
     * Takes over an account this platform created for the same person before (its {@link Account#marker()} equals
     * the new one's) but never handed out, e.g. after a batch that failed half-way: a new temporary password, the
     * roles, enabled.
     */
    Mono<Account> adopt(Account existing, NewAccount account, String temporaryPassword);

    /** Enables or disables the account; nothing happens if there is none or it is already so. */
    Mono<Void> setEnabled(String username, boolean enabled);

    /** Deletes an account this platform has just created (undoing a failed batch). */
    Mono<Void> delete(Account account);

    /**
     * @param marker who the account was made for, e.g. {@code student:S1-C1-05}; stored on the account
     *               ({@code zhsz_account}) so a later run recognises its own unfinished work
     */
    record NewAccount(String username, Set<Role> roles, String schoolId, String lastName, String firstName,
                      String marker) {
        public NewAccount {
            roles = Set.copyOf(roles);
        }
    }

    record Account(String id, String username, boolean enabled, String marker, String schoolId) {
    }
}
