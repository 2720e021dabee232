package org.zhsz.platform.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account provisioning through Keycloak's Admin REST API.
 *
 * @param clientSecret secret of the confidential service-account client (env ZHSZ_PROVISIONING_SECRET); empty:
 *                     the platform creates, disables and enables no accounts (they are managed elsewhere)
 * @param clientId     that client (default {@code zhsz-provisioning}); its service account holds only the
 *                     realm-management roles manage-users, view-users and query-users
 * @param keycloakUrl  Keycloak's base URL for the admin API and the token (env ZHSZ_KEYCLOAK_ADMIN_URL), e.g. an
 *                     in-cluster {@code http://keycloak.keycloak.svc:8080}; default: taken from the issuer
 * @param realm        the realm (default: the issuer's)
 * @param timeout      how long one call to Keycloak may take before the request fails with 503
 * @param loginUrl     the web app's address printed on account slips (env ZHSZ_PUBLIC_URL)
 */
@ConfigurationProperties("zhsz.accounts")
public record AccountsProperties(String clientSecret, String clientId, String keycloakUrl, String realm,
                                 Duration timeout, String loginUrl) {

    public AccountsProperties {
        if (clientId == null || clientId.isBlank()) {
            clientId = "zhsz-provisioning";
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(10);
        }
        if (loginUrl == null || loginUrl.isBlank()) {
            loginUrl = "http://localhost:8080/";
        }
    }

    boolean enabled() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
