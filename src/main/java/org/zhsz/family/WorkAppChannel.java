package org.zhsz.family;

import static org.zhsz.family.ProviderHttp.describe;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import reactor.core.publisher.Mono;

/**
 * What 企业微信 and 钉钉 work-app messages have in common: the guardian's platform username is the member's userid;
 * an access_token from the provider's gettoken (cached by {@link AccessTokenCache}) goes with each send; the answer's
 * {@code errcode} says what happened — 0 sent, an invalid or expired token is fetched anew and the send tried once
 * more, a rate limit waits, -1 (system busy), an HTTP 5xx or an unreachable gettoken are retried later, anything
 * else failed. The subclass says how its message looks and which of its codes mean what.
 */
abstract class WorkAppChannel implements DeliveryChannel {

    private final ProviderHttp http;
    private final JsonMapper json;
    private final AccessTokenCache tokens;

    WorkAppChannel(ProviderHttp http, JsonMapper json, AccessTokenCache tokens) {
        this.http = http;
        this.json = json;
        this.tokens = tokens;
    }

    /** Where a message is posted, with this token. */
    abstract String sendUrl(String token);

    /** The JSON body of the message to one member. */
    abstract Map<String, Object> body(String address, Message message);

    /** The outcome of an answer with errcode 0 (the provider's message id, or why the member was refused). */
    abstract Outcome accepted(JsonNode answer, String address);

    /** Whether this errcode (and the answer's other fields) says the access_token is invalid or expired. */
    abstract boolean tokenRejected(int code, JsonNode answer);

    /** Whether this errcode is the provider's rate limit. */
    abstract boolean rateLimited(int code);

    @Override
    public String address(Recipient recipient) {
        return recipient.username();
    }

    @Override
    public Mono<Outcome> send(String address, Message message) {
        return attempt(address, message, true);
    }

    private Mono<Outcome> attempt(String address, Message message, boolean mayRefresh) {
        return tokens.get()
                .flatMap(token -> http.postJson(sendUrl(token), json.writeValueAsString(body(address, message))))
                .flatMap(r -> {
                    if (r.serverError()) {
                        return Mono.just(Outcome.retry("http " + r.status()));
                    }
                    JsonNode n = ProviderHttp.json(json, r.body());
                    int code = n == null ? Integer.MIN_VALUE : n.path("errcode").asInt(Integer.MIN_VALUE);
                    if (code == 0) {
                        return Mono.just(accepted(n, address));
                    }
                    if (mayRefresh && tokenRejected(code, n)) {
                        tokens.invalidate();
                        return attempt(address, message, false);
                    }
                    if (rateLimited(code)) {
                        return Mono.just(Outcome.rateLimited(describe(n, r)));
                    }
                    if (code == -1) {
                        return Mono.just(Outcome.retry(describe(n, r)));
                    }
                    return Mono.just(Outcome.failed(describe(n, r)));
                })
                .onErrorResume(AccessTokenCache.TokenUnavailable.class,
                        e -> Mono.just(Outcome.retry("gettoken: " + e.getMessage())));
    }
}
