package org.zhsz.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for every create (POST under /api): the first request with a key runs and its response
 * is kept; a retry with the same key, user, path, query and body gets the same response again (header
 * {@code Idempotent-Replayed: true}) and changes nothing. A retry while the first is still running gets 409, the same
 * key with a different query or body 422. Server errors are not kept, so a retry after a 5xx runs again.
 *
 * <p>The fingerprint covers the content: a JSON body is read once (≤ 1 MB) and handed on; any other body (a
 * multipart upload) is spooled to a temporary file (≤ {@code maxBody}), hashed with its multipart boundary replaced
 * by a constant (a browser's retry uses a new boundary for the same files) and handed on from that file.
 *
 * <p>Keys expire ({@link IdempotencyProperties}): a completed key after {@code ttl} (TTL index on {@code expiresAt},
 * plus a sweep for the embedded store, and an expired key is ignored even before it is swept); a key whose request
 * never completed (the process died) no longer blocks a retry after {@code pendingTimeout}.
 */
@Component
class IdempotencyFilter implements WebFilter, Ordered {

    static final String COLLECTION = "idempotency_keys";
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_JSON = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final ReactiveMongoTemplate mongo;
    private final ProblemMapper problems;
    private final JsonMapper json;
    private final SchoolClock clock;
    private final IdempotencyProperties props;

    IdempotencyFilter(ReactiveMongoTemplate mongo, ProblemMapper problems, JsonMapper json, SchoolClock clock,
                      IdempotencyProperties props) {
        this.mongo = mongo;
        this.problems = problems;
        this.json = json;
        this.clock = clock;
        this.props = props;
    }

    /** A real MongoDB removes expired keys itself; the embedded store ignores the index and relies on the sweep. */
    @EventListener(ApplicationReadyEvent.class)
    void createTtlIndex() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                        .expire(java.time.Duration.ZERO).named("expiresAt_ttl"))
                .onErrorResume(e -> {
                    log.warn("Could not create the TTL index of {}: {}", COLLECTION, e.toString());
                    return Mono.empty();
                })
                .block(java.time.Duration.ofSeconds(30));
    }

    @Scheduled(fixedDelayString = "${zhsz.idempotency.sweep-every:1h}",
            initialDelayString = "${zhsz.idempotency.sweep-every:1h}")
    void sweep() {
        long n = sweep(clock.now()).block(java.time.Duration.ofMinutes(5));
        if (n > 0) {
            log.debug("Removed {} expired idempotency keys", n);
        }
    }

    /** Deletes every key that expired before {@code now}; answers how many. */
    Mono<Long> sweep(Instant now) {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(now))), COLLECTION)
                .map(r -> r.getDeletedCount());
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
                        : Mono.usingWhen(withBody(exchange),
                                b -> run(b.exchange(), chain, user.get(), key, b.fingerprint()),
                                b -> b.cleanUp()));
    }

    /** The request with its body made re-readable, its fingerprint, and a spooled body file to delete after. */
    private record Body(ServerWebExchange exchange, String fingerprint, Path spool) {
        Mono<Void> cleanUp() {
            return spool == null ? Mono.empty() : Mono.<Void>fromRunnable(() -> {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }).subscribeOn(Schedulers.boundedElastic());
        }
    }

    /** What besides the body makes two requests the same: the query and the media type without its parameters. */
    private static String requestPart(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        String query = exchange.getRequest().getURI().getRawQuery();
        return "query=" + (query == null ? "" : query) + "\u0000type="
                + (type == null ? "" : type.getType() + "/" + type.getSubtype());
    }

    /** Reads a JSON body once and hands the same bytes on; spools any other body to a file and hands that on. */
    private Mono<Body> withBody(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        String rest = requestPart(exchange);
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return spooled(exchange, type, rest);
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
                    return new Body(exchange.mutate().request(req).build(), sha256(rest + "\u0000" + sha256(bytes)),
                            null);
                });
    }

    /** The body into a temporary file (at most maxBody), fingerprinted off the event loop, then read from the file. */
    private Mono<Body> spooled(ServerWebExchange exchange, MediaType type, String rest) {
        String boundary = type == null ? null : type.getParameter("boundary");
        long max = props.maxBody();
        return Mono.fromCallable(() -> Files.createTempFile("zhsz-idempotent-", ".body"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(tmp -> {
                    AtomicLong seen = new AtomicLong();
                    Flux<DataBuffer> limited = exchange.getRequest().getBody().handle((buf, sink) -> {
                        if (seen.addAndGet(buf.readableByteCount()) > max) {
                            DataBufferUtils.release(buf);
                            sink.error(Problems.tooLarge("The request body is too large"));
                        } else {
                            sink.next(buf);
                        }
                    });
                    Body unread = new Body(exchange, "", tmp);
                    return DataBufferUtils.write(limited, tmp)
                            .then(Mono.fromCallable(() -> contentHash(tmp, boundary))
                                    .subscribeOn(Schedulers.boundedElastic()))
                            .map(hash -> {
                                ServerHttpRequestDecorator req = new ServerHttpRequestDecorator(exchange.getRequest()) {
                                    @Override
                                    public Flux<DataBuffer> getBody() {
                                        return DataBufferUtils.read(tmp, exchange.getResponse().bufferFactory(),
                                                64 * 1024);
                                    }
                                };
                                return new Body(exchange.mutate().request(req).build(),
                                        sha256(rest + "\u0000" + hash), tmp);
                            })
                            .onErrorResume(e -> unread.cleanUp().then(Mono.error(e)));
                });
    }

    /**
     * SHA-256 of the file with every occurrence of the multipart delimiter ({@code --boundary}) replaced by a
     * constant, so the same parts sent again under a new boundary have the same hash. Streams the file.
     */
    static String contentHash(Path file, String boundary) throws IOException {
        MessageDigest md = digest();
        byte[] delim = boundary == null || boundary.isEmpty() ? null
                : ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        try (InputStream in = Files.newInputStream(file)) {
            if (delim == null) {
                byte[] buf = new byte[64 * 1024];
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    md.update(buf, 0, n);
                }
                return HexFormat.of().formatHex(md.digest());
            }
            byte[] placeholder = "--<boundary>".getBytes(StandardCharsets.ISO_8859_1);
            byte[] buf = new byte[delim.length - 1 + 64 * 1024];
            int have = 0;
            for (int n = in.read(buf, have, buf.length - have); n >= 0; n = in.read(buf, have, buf.length - have)) {
                int total = have + n;
                int start = 0;
                int i = 0;
                while (i + delim.length <= total) {
                    if (matches(buf, i, delim)) {
                        md.update(buf, start, i - start);
                        md.update(placeholder);
                        i += delim.length;
                        start = i;
                    } else {
                        i++;
                    }
                }
                int keep = Math.min(delim.length - 1, total - start);
                md.update(buf, start, total - start - keep);
                System.arraycopy(buf, total - keep, buf, 0, keep);
                have = keep;
            }
            md.update(buf, 0, have);
            return HexFormat.of().formatHex(md.digest());
        }
    }

    private static boolean matches(byte[] buf, int at, byte[] delim) {
        for (int j = 0; j < delim.length; j++) {
            if (buf[at + j] != delim[j]) {
                return false;
            }
        }
        return true;
    }

    private Mono<Void> run(ServerWebExchange exchange, WebFilterChain chain, String user, String key,
                           String fingerprint) {
        String path = exchange.getRequest().getPath().value();
        String id = keyId(user, path, key);
        return claim(id, user, path, fingerprint)
                .flatMap(claimed -> claimed ? execute(exchange, chain, id) : existing(exchange, id, fingerprint, true,
                        chain, user, path));
    }

    /** The stored key's id: one per user, path and key. */
    static String keyId(String user, String path, String key) {
        return sha256(user + "\u0000POST " + path + "\u0000" + key);
    }

    /** Inserts the PENDING key; false when the key exists already. */
    private Mono<Boolean> claim(String id, String user, String path, String fingerprint) {
        Instant now = clock.now();
        Document pending = new Document("_id", id).append("username", user).append("path", path)
                .append("fingerprint", fingerprint).append("state", "PENDING")
                .append("createdAt", Date.from(now)).append("expiresAt", Date.from(now.plus(props.ttl())));
        return mongo.insert(pending, COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /**
     * The key exists: replay its answer, or refuse (409 running, 422 other request) — unless it has expired or its
     * request was abandoned, in which case it is removed (only if unchanged) and this request claims it once.
     */
    private Mono<Void> existing(ServerWebExchange exchange, String id, String fingerprint, boolean mayTakeOver,
                                WebFilterChain chain, String user, String path) {
        return mongo.findById(id, Document.class, COLLECTION)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    Instant now = clock.now();
                    Document doc = found.orElse(null);
                    boolean stale = doc != null && (expired(doc, now) || abandoned(doc, now));
                    if (mayTakeOver && (doc == null || stale)) {
                        Mono<Void> removed = doc == null ? Mono.empty()
                                : mongo.remove(Query.query(Criteria.where("_id").is(id).and("state")
                                        .is(doc.getString("state")).and("createdAt").is(doc.getDate("createdAt"))),
                                        COLLECTION).then();
                        return removed.then(claim(id, user, path, fingerprint))
                                .flatMap(claimed -> claimed ? execute(exchange, chain, id)
                                        : existing(exchange, id, fingerprint, false, chain, user, path));
                    }
                    if (doc == null || stale) {
                        return inProgress(exchange);
                    }
                    if (!fingerprint.equals(doc.getString("fingerprint"))) {
                        return fail(exchange, Problems.rule("idempotency_key_reused",
                                "This Idempotency-Key was used for a different request"));
                    }
                    if (!"DONE".equals(doc.getString("state"))) {
                        return inProgress(exchange);
                    }
                    return replay(exchange, doc);
                });
    }

    private boolean expired(Document doc, Instant now) {
        Date expires = doc.getDate("expiresAt");
        Date created = doc.getDate("createdAt");
        Instant end = expires != null ? expires.toInstant()
                : created != null ? created.toInstant().plus(props.ttl()) : Instant.MIN; // keys from before expiry
        return !end.isAfter(now);
    }

    private boolean abandoned(Document doc, Instant now) {
        Date created = doc.getDate("createdAt");
        return "PENDING".equals(doc.getString("state")) && created != null
                && !created.toInstant().plus(props.pendingTimeout()).isAfter(now);
    }

    private Mono<Void> inProgress(ServerWebExchange exchange) {
        return fail(exchange, Problems.conflict("request_in_progress",
                "The same request is still being processed; retry shortly"));
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

    private Mono<Void> replay(ServerWebExchange exchange, Document doc) {
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
    }

    private Mono<Void> fail(ServerWebExchange exchange, RuntimeException error) {
        return ProblemErrorWebExceptionHandler.write(exchange.getResponse(), problems.toProblem(error, exchange), json);
    }

    private static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] b) {
        return HexFormat.of().formatHex(digest().digest(b));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
