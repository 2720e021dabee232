package org.zhsz.platform.security;

import java.net.URI;

/**
 * The Content-Security-Policy the web app runs under. Scripts only from the app's own origin (no inline script,
 * no eval); styles from the app plus inline styles (Element Plus positions popups with style attributes); images
 * also as data: and blob: URLs (evidence previews); the Keycloak origin — from {@code zhsz.security.issuer-uri},
 * the same URL {@code /config.js} gives the browser — for keycloak-js's token calls (connect-src) and its
 * check-sso/login-status iframes (frame-src); PDFs previewed from blob: URLs in a frame; no plugins; the app may
 * be framed only by itself.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /** The policy for a Keycloak issuer such as http://127.0.0.1:8180/realms/zhsz; {@code override} wins if set. */
    static String contentSecurityPolicy(String issuerUri, String override) {
        if (override != null && !override.isBlank()) {
            return override.strip();
        }
        String keycloak = origin(issuerUri);
        String kc = keycloak == null ? "" : " " + keycloak;
        return "default-src 'self'; "
                + "script-src 'self'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'" + kc + "; "
                + "frame-src 'self' blob:" + kc + "; "
                + "worker-src 'self' blob:; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'" + kc + "; "
                + "frame-ancestors 'self'";
    }

    /** scheme://host[:port] of a URL, or null when it is not an absolute http(s) URL. */
    static String origin(String url) {
        try {
            URI u = URI.create(url == null ? "" : url.strip());
            if (u.getScheme() == null || u.getHost() == null
                    || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
                return null;
            }
            return u.getScheme().toLowerCase() + "://" + u.getRawAuthority().replaceFirst("^[^@]*@", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
