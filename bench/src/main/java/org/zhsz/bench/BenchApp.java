package org.zhsz.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhsz.ZhszApplication;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * The real application started in-process for benchmarks: its own embedded store file, the demo county, and a
 * local signing key served as a JWKS so that every request goes through the real JWT validation (signature,
 * issuer, audience, expiry) without needing Keycloak. {@code ZHSZ_MONGODB_URI} switches to a real MongoDB.
 */
final class BenchApp implements AutoCloseable {

    static final String ISSUER = "http://127.0.0.1/realms/zhsz-bench";

    private final ConfigurableApplicationContext context;
    private final Signer signer;
    final int port;
    final Path dataDir;

    /**
     * A local RSA key that signs tokens like Keycloak's, and serves its public half as a JWKS on a loopback port
     * (so the app can run in another JVM, e.g. for the load test, and still verify them).
     */
    static final class Signer implements AutoCloseable {
        private final HttpServer jwks;
        private final RSAKey key;

        Signer() throws Exception {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("bench").build();
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            jwks.createContext("/jwks", ex -> {
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            jwks.start();
        }

        String jwksUri() {
            return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks";
        }

        /** A token like Keycloak's for a demo user (roles and attributes as in the realm file). */
        String token(String username, List<String> roles, String schoolId) {
            try {
                JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(ISSUER).subject("bench-" + username)
                        .audience("zhsz-api").issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                        .claim("preferred_username", username).claim("realm_access", Map.of("roles", roles))
                        .claim("county_id", "640424").claim("name", username);
                if (schoolId != null) {
                    c.claim("school_id", schoolId);
                }
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(),
                        c.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            jwks.stop(0);
        }
    }

    BenchApp(Map<String, Object> extraProperties) throws Exception {
        this(extraProperties, new Signer());
    }

    BenchApp(Map<String, Object> extraProperties, Signer signer) throws Exception {
        this.signer = signer;
        dataDir = Files.createTempDirectory("zhsz-bench-");
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", 0);
        props.put("management.server.port", 0); // actuator's own port: random, so benchmarks run beside ./run.sh
        props.put("zhsz.store.embedded-path", dataDir.resolve("zhsz.mv").toString());
        props.put("zhsz.store.demo-data", "always");
        props.put("zhsz.security.issuer-uri", ISSUER);
        props.put("zhsz.security.jwk-set-uri", signer == null ? extraProperties.get("jwks") : signer.jwksUri());
        props.put("logging.level.root", "warn");
        props.put("zhsz.bench.enabled", "true");
        props.putAll(extraProperties);
        // as command-line arguments: they win over application.yml and the environment
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        context = new SpringApplicationBuilder(ZhszApplication.class).run(args);
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String token(String username, List<String> roles, String schoolId) {
        return signer.token(username, roles, schoolId);
    }

    @Override
    public void close() throws IOException {
        context.close();
        if (signer != null) {
            signer.close();
        }
        try (var walk = Files.walk(dataDir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
