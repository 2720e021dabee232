package org.zhsz.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.platform.security.SecurityProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /config.js}, which the web app's index.html loads before the app: it tells the browser which Keycloak,
 * realm and client to sign in with, derived from the same {@code zhsz.security.issuer-uri} the API checks tokens
 * against, so one setting points both at the same Keycloak (a Keycloak issuer is {@code <url>/realms/<realm>}).
 * Revalidated on every load ({@code no-cache}), so a changed setting takes effect with the next page load. Values
 * already set on {@code window.__ZHSZ_CONFIG__} by an earlier script (e.g. injected by a proxy) win.
 */
@RestController
class RuntimeConfigController {

    static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final Logger log = LoggerFactory.getLogger(RuntimeConfigController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String script;

    RuntimeConfigController(SecurityProperties security, WebAppProperties web) {
        Map<String, String> settings = settings(security.issuerUri(), web.clientId());
        if (!settings.containsKey("realm")) {
            log.warn("zhsz.security.issuer-uri {} is not a Keycloak realm URL (<url>/realms/<realm>): the web app "
                    + "falls back to its built-in Keycloak URL and realm", security.issuerUri());
        }
        this.script = script(settings);
    }

    @GetMapping("/config.js")
    ResponseEntity<String> configJs() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(JAVASCRIPT).body(script);
    }

    /** keycloakUrl and realm from a Keycloak issuer such as http://127.0.0.1:8180/realms/zhsz, and the client. */
    static Map<String, String> settings(String issuerUri, String clientId) {
        Map<String, String> out = new LinkedHashMap<>();
        String issuer = issuerUri == null ? "" : issuerUri.strip();
        while (issuer.endsWith("/")) {
            issuer = issuer.substring(0, issuer.length() - 1);
        }
        int at = issuer.lastIndexOf("/realms/");
        String realm = at < 0 ? "" : issuer.substring(at + "/realms/".length());
        if (at > 0 && !realm.isEmpty() && !realm.contains("/") && issuer.contains("://")) {
            out.put("keycloakUrl", issuer.substring(0, at));
            out.put("realm", java.net.URLDecoder.decode(realm, StandardCharsets.UTF_8));
        }
        out.put("clientId", clientId);
        return out;
    }

    static String script(Map<String, String> settings) {
        return "// ZHSZ web app runtime settings, from the server's zhsz.security.issuer-uri and zhsz.web.client-id\n"
                + "window.__ZHSZ_CONFIG__ = Object.assign(" + JSON.writeValueAsString(settings)
                + ", window.__ZHSZ_CONFIG__ || {});\n";
    }
}
