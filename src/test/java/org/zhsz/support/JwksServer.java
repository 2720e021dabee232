package org.zhsz.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Keycloak's key endpoint that can be down (connection refused), hang (accepts, never answers) or
 * up, always on the same port; and tokens for the demo users signed with its keys, as Keycloak issues them.
 */
public final class JwksServer implements AutoCloseable {

    public static final String PATH = "/realms/zhsz/protocol/openid-connect/certs";
    private final int port;
    private volatile RSAKey key;
    private HttpServer http;
    private ServerSocket hanging;

    public JwksServer() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        rotate();
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/zhsz";
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + port + PATH;
    }

    /** A new signing key (as after a key rotation in Keycloak); tokens signed before use the old one. */
    public void rotate() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void up() throws IOException {
        down();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        http.createContext(PATH, ex -> {
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    /** Accepts connections and never answers. */
    public synchronized void hang() throws IOException {
        down();
        hanging = new ServerSocket();
        hanging.setReuseAddress(true);
        hanging.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    }

    public synchronized void down() throws IOException {
        if (http != null) {
            http.stop(0);
            http = null;
        }
        if (hanging != null) {
            hanging.close();
            hanging = null;
        }
    }

    /** A token for a demo user with the claims Keycloak puts in, signed with the current key. */
    public String token(String username) {
        DemoUsers.User u = DemoUsers.get(username);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer()).subject("sub-" + username).audience(List.of("zhsz-api"))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("preferred_username", username).claim("realm_access", Map.of("roles", u.roles()))
                .claim("given_name", u.given()).claim("family_name", u.family())
                .claim("name", u.given() + " " + u.family());
        u.attributes().forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
