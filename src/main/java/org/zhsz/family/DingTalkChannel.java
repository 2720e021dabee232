package org.zhsz.family;

import static org.zhsz.family.ProviderHttp.describe;
import static org.zhsz.family.ProviderHttp.enc;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import reactor.core.publisher.Mono;

/**
 * 钉钉 (DingTalk) internal app: {@code GET /gettoken?appkey&appsecret} for the access_token (cached), then a 工作通知
 * {@code POST /topapi/message/corpconversation/asyncsend_v2?access_token=…} with an {@code action_card} to the user
 * whose userid is the guardian's platform username. The link carries the notice's id, so two notices on one day
 * are two different messages (DingTalk drops a repeated identical message to the same user on the same day).
 */
final class DingTalkChannel implements DeliveryChannel {

    /** access_token invalid or expired */
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);

    private final FamilyProperties.DingTalk config;
    private final ProviderHttp http;
    private final JsonMapper json;
    private final AccessTokenCache tokens;

    DingTalkChannel(FamilyProperties.DingTalk config, ProviderHttp http, JsonMapper json, Clock clock) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.tokens = AccessTokenCache.gettoken(clock, http, json, () -> config.endpoint() + "/gettoken?appkey="
                + enc(config.appKey()) + "&appsecret=" + enc(config.appSecret()));
    }

    @Override
    public Channel channel() {
        return Channel.DINGTALK;
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
            card.put("markdown", message.text());
            card.put("single_title", "查看");
            card.put("single_url", message.link());
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("msgtype", "action_card");
            msg.put("action_card", card);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("agent_id", config.agentId());
            body.put("userid_list", address);
            body.put("msg", msg);
            return http.postJson(config.endpoint() + "/topapi/message/corpconversation/asyncsend_v2?access_token="
                    + enc(token), json.writeValueAsString(body));
        }).flatMap(r -> {
            if (r.serverError()) {
                return Mono.just(Outcome.retry("http " + r.status()));
            }
            JsonNode n = ProviderHttp.json(json, r.body());
            int code = n == null ? Integer.MIN_VALUE : n.path("errcode").asInt(Integer.MIN_VALUE);
            if (code == 0) {
                return Mono.just(Outcome.sent(n.path("task_id").asString(null)));
            }
            int sub = n == null ? 0 : n.path("sub_code").asInt(0);
            if ((TOKEN_ERRORS.contains(code) || (code == 88 && TOKEN_ERRORS.contains(sub))) && mayRefresh) {
                tokens.invalidate();
                return attempt(address, message, false);
            }
            if (code >= 90000 && code < 90100) {
                return Mono.just(Outcome.rateLimited(describe(n, r)));
            }
            if (code == -1) {
                return Mono.just(Outcome.retry(describe(n, r)));
            }
            return Mono.just(Outcome.failed(describe(n, r)));
        }).onErrorResume(AccessTokenCache.TokenUnavailable.class, e -> Mono.just(Outcome.retry("gettoken: "
                + e.getMessage())));
    }
}
