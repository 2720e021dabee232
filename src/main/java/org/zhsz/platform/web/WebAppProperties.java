package org.zhsz.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings the web app reads at start-up from {@code /config.js}.
 *
 * @param clientId the Keycloak client the web app signs in with (public client, PKCE); env ZHSZ_WEB_CLIENT_ID
 */
@ConfigurationProperties("zhsz.web")
record WebAppProperties(String clientId) {

    WebAppProperties {
        if (clientId == null || clientId.isBlank()) {
            clientId = "zhsz-web";
        }
    }
}
