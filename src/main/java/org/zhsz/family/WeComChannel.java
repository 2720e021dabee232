package org.zhsz.family;

import static org.zhsz.family.ProviderHttp.describe;
import static org.zhsz.family.ProviderHttp.enc;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import reactor.core.publisher.Mono;

/**
 * 企业微信 (WeCom) self-built app: {@code GET /cgi-bin/gettoken?corpid&corpsecret} for the access_token (cached), then
 * {@code POST /cgi-bin/message/send?access_token=…} with a {@code textcard} to the member whose userid is the
 * guardian's platform username. See docs/family.md for the provider's documentation and the error codes mapped here.
 */
final class WeComChannel implements DeliveryChannel {

    /** access_token invalid or expired: fetch a new one and try once more */
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    /** API call frequency limits */
    static final Set<Integer> RATE_ERRORS = Set.of(45009, 45033);

    private final FamilyProperties.WeCom config;
    private final ProviderHttp http;
    private final JsonMapper json;
    private final AccessTokenCache tokens;

    WeComChannel(FamilyProperties.WeCom config, ProviderHttp http, JsonMapper json, Clock clock) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.tokens = AccessTokenCache.gettoken(clock, http, json, () -> config.endpoint()
                + "/cgi-bin/gettoken?corpid=" + enc(config.corpId()) + "&corpsecret=" + enc(config.corpSecret()));
    }

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    public String address(Recipient recipient) {
        return recipient.username();
    }

    @Override
    public Mono<Outcome> send(String address, Message message) {
        return attempt(address, message, true);
    }

    private Mono<Outcome> attempt(String address, Message message, boolean mayRefresh) {
        return tokens.get().flatMap(token -> {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("title", message.title());
            card.put("description", message.text());
            card.put("url", message.link());
            card.put("btntxt", "查看");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("touser", address);
            body.put("msgtype", "textcard");
            body.put("agentid", config.agentId());
            body.put("textcard", card);
            return http.postJson(config.endpoint() + "/cgi-bin/message/send?access_token=" + enc(token),
                    json.writeValueAsString(body));
        }).flatMap(r -> {
            if (r.serverError()) {
                return Mono.just(Outcome.retry("http " + r.status()));
            }
            JsonNode n = ProviderHttp.json(json, r.body());
            int code = n == null ? Integer.MIN_VALUE : n.path("errcode").asInt(Integer.MIN_VALUE);
            if (code == 0) {
                String invalid = n.path("invaliduser").asString("");
                if (Arrays.asList(invalid.split("\\|")).contains(address)) {
                    return Mono.just(Outcome.failed("invaliduser"));
                }
                return Mono.just(Outcome.sent(n.path("msgid").asString(null)));
            }
            if (TOKEN_ERRORS.contains(code) && mayRefresh) {
                tokens.invalidate();
                return attempt(address, message, false);
            }
            if (RATE_ERRORS.contains(code)) {
                return Mono.just(Outcome.rateLimited(describe(n, r)));
            }
            if (code == -1) {
                return Mono.just(Outcome.retry(describe(n, r)));
            }
            return Mono.just(Outcome.failed(describe(n, r)));
        }).onErrorResume(AccessTokenCache.TokenUnavailable.class,
                e -> Mono.just(Outcome.retry("gettoken: " + e.getMessage())));
    }
}
