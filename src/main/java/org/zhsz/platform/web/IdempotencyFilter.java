package org.zhsz.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for every create (POST under /api): the first request with a key runs and its response
 * is kept; a retry with the same key, user, path and body gets the same response again (header
 * {@code Idempotent-Replayed: true}) and changes nothing. A retry while the first is still running gets 409, the same
 * key with a different body 422. Server errors are not kept, so a retry after a 5xx runs again. Multipart uploads
 * are fingerprinted by their declared type and length rather than read twice.
 */
@Component
class IdempotencyFilter implements WebFilter, Ordered {

    static final String COLLECTION = "idempotency_keys";
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_JSON = 1024 * 1024;

    private final ReactiveMongoTemplate mongo;
    private final ProblemMapper problems;
    private final JsonMapper json;
    private final SchoolClock clock;

    IdempotencyFilter(ReactiveMongoTemplate mongo, ProblemMapper problems, JsonMapper json, SchoolClock clock) {
        this.mongo = mongo;
        this.problems = problems;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 0; // after the security chain (-100): the caller is known
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (key == null || key.isBlank() || exchange.getRequest().getMethod() != HttpMethod.POST
                || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        if (key.length() > 200) {
            return fail(exchange, Problems.invalid(HEADER, "too_long", "Idempotency-Key is at most 200 characters"));
        }
        // (not switchIfEmpty after the Mono<Void> of the chain: that would run the request a second time)
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> java.util.Optional.ofNullable(((JwtAuthenticationToken) p).getToken()
                        .getClaimAsString("preferred_username")))
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(user -> user.isEmpty() ? chain.filter(exchange)
                        : withBody(exchange).flatMap(b -> run(b.exchange(), chain, user.get(), key, b.fingerprint())));
    }

    private record Body(ServerWebExchange exchange, String fingerprint) {
    }

    /** Reads a JSON body once (and hands the same bytes on); other bodies are fingerprinted by type and length. */
    private Mono<Body> withBody(ServerWebExchange exchange) {
        HttpHeaders h = exchange.getRequest().getHeaders();
        MediaType type = h.getContentType();
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return Mono.just(new Body(exchange, sha256((type == null ? "" : type.toString()) + "|"
                    + h.getContentLength())));
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_JSON)
                .map(buf -> {
                    byte[] bytes = new byte[buf.readableByteCount()];
                    buf.read(bytes);
                    DataBufferUtils.release(buf);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .map(bytes -> {
                    ServerHttpRequestDecorator req = new ServerHttpRequestDecorator(exchange.getRequest()) {
                        @Override
                        public Flux<DataBuffer> getBody() {
                            return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
                        }
                    };
                    return new Body(exchange.mutate().request(req).build(), sha256(bytes));
                });
    }

    private Mono<Void> run(ServerWebExchange exchange, WebFilterChain chain, String user, String key,
                           String fingerprint) {
        String path = exchange.getRequest().getPath().value();
        String id = sha256(user + "\u0000POST " + path + "\u0000" + key);
        Document pending = new Document("_id", id).append("username", user).append("path", path)
                .append("fingerprint", fingerprint).append("state", "PENDING")
                .append("createdAt", Date.from(clock.now()));
        return mongo.insert(pending, COLLECTION)
                .then(Mono.defer(() -> execute(exchange, chain, id)))
                .onErrorResume(DuplicateKeyException.class, e -> replay(exchange, id, fingerprint));
    }

    private Mono<Void> execute(ServerWebExchange exchange, WebFilterChain chain, String id) {
        ServerHttpResponse original = exchange.getResponse();
        ServerHttpResponseDecorator capturing = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return DataBufferUtils.join(Flux.from(body))
                        .map(buf -> {
                            byte[] bytes = new byte[buf.readableByteCount()];
                            buf.read(bytes);
                            DataBufferUtils.release(buf);
                            return bytes;
                        })
                        .defaultIfEmpty(new byte[0])
                        .flatMap(bytes -> keep(id, getStatusCode(), getHeaders(), bytes)
                                .then(Mono.defer(() -> getDelegate().writeWith(
                                        Mono.just(original.bufferFactory().wrap(bytes))))));
            }

            @Override
            public Mono<Void> setComplete() {
                return keep(id, getStatusCode(), getHeaders(), new byte[0]).then(super.setComplete());
            }
        };
        return chain.filter(exchange.mutate().response(capturing).build())
                .onErrorResume(e -> forget(id).then(Mono.error(e)));
    }

    /**
     * Keeps a final answer; a 5xx is forgotten so the retry runs again, and so is an answer marked
     * {@code Cache-Control: no-store}: it holds one-time secrets (temporary passwords of new accounts) that must never
     * be written to the database; such endpoints are idempotent by themselves.
     */
    private Mono<Void> keep(String id, HttpStatusCode status, HttpHeaders headers, byte[] body) {
        int code = status == null ? 200 : status.value();
        String cache = headers.getCacheControl();
        if (code >= 500 || cache != null && cache.contains("no-store")) {
            return forget(id);
        }
        Update u = new Update().set("state", "DONE").set("status", code)
                .set("contentType", headers.getContentType() == null ? null : headers.getContentType().toString())
                .set("location", headers.getFirst(HttpHeaders.LOCATION))
                .set("etag", headers.getFirst(HttpHeaders.ETAG))
                .set("body", Base64.getEncoder().encodeToString(body));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").is("PENDING")), u, COLLECTION)
                .then();
    }

    private Mono<Void> forget(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("state").is("PENDING")), COLLECTION).then();
    }

    private Mono<Void> replay(ServerWebExchange exchange, String id, String fingerprint) {
        return mongo.findById(id, Document.class, COLLECTION)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return fail(exchange, Problems.conflict("request_in_progress",
                                "The same request is still being processed; retry shortly"));
                    }
                    Document doc = found.get();
                    if (!fingerprint.equals(doc.getString("fingerprint"))) {
                        return fail(exchange, Problems.rule("idempotency_key_reused",
                                "This Idempotency-Key was used for a different request"));
                    }
                    if (!"DONE".equals(doc.getString("state"))) {
                        return fail(exchange, Problems.conflict("request_in_progress",
                                "The same request is still being processed; retry shortly"));
                    }
                    ServerHttpResponse res = exchange.getResponse();
                    res.setStatusCode(HttpStatusCode.valueOf(doc.getInteger("status")));
                    if (doc.getString("contentType") != null) {
                        res.getHeaders().set(HttpHeaders.CONTENT_TYPE, doc.getString("contentType"));
                    }
                    if (doc.getString("location") != null) {
                        res.getHeaders().set(HttpHeaders.LOCATION, doc.getString("location"));
                    }
                    if (doc.getString("etag") != null) {
                        res.getHeaders().set(HttpHeaders.ETAG, doc.getString("etag"));
                    }
                    res.getHeaders().set(REPLAYED, "true");
                    byte[] body = Base64.getDecoder().decode(doc.getString("body"));
                    return res.writeWith(Mono.just(res.bufferFactory().wrap(body)));
                });
    }

    private Mono<Void> fail(ServerWebExchange exchange, RuntimeException error) {
        return ProblemErrorWebExceptionHandler.write(exchange.getResponse(), problems.toProblem(error, exchange), json);
    }

    private static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
