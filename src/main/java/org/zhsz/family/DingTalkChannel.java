package org.zhsz.family;

import static org.zhsz.family.ProviderHttp.enc;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 钉钉 (DingTalk) internal app: {@code GET /gettoken?appkey&appsecret} for the access_token (cached), then a 工作通知
 * {@code POST /topapi/message/corpconversation/asyncsend_v2?access_token=…} with an {@code action_card} to the user
 * whose userid is the guardian's platform username. The link carries the notice's id, so two notices on one day
 * are two different messages (DingTalk drops a repeated identical message to the same user on the same day).
 */
final class DingTalkChannel extends WorkAppChannel {

    /** access_token invalid or expired */
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);

    private final FamilyProperties.DingTalk config;

    DingTalkChannel(FamilyProperties.DingTalk config, ProviderHttp http, JsonMapper json, Clock clock) {
        super(http, json, AccessTokenCache.gettoken(clock, http, json, () -> config.endpoint() + "/gettoken?appkey="
                + enc(config.appKey()) + "&appsecret=" + enc(config.appSecret())));
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.DINGTALK;
    }

    @Override
    String sendUrl(String token) {
        return config.endpoint() + "/topapi/message/corpconversation/asyncsend_v2?access_token=" + enc(token);
    }

    @Override
    Map<String, Object> body(String address, Message message) {
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
        return body;
    }

    @Override
    Outcome accepted(JsonNode answer, String address) {
        return Outcome.sent(answer.path("task_id").asString(null));
    }

    /** 40001, 40014, 42001 — or 88 with one of them as sub_code (the topapi's auth error). */
    @Override
    boolean tokenRejected(int code, JsonNode answer) {
        int sub = answer == null ? 0 : answer.path("sub_code").asInt(0);
        return TOKEN_ERRORS.contains(code) || (code == 88 && TOKEN_ERRORS.contains(sub));
    }

    /** 900xx: the app's or the company's call limits */
    @Override
    boolean rateLimited(int code) {
        return code >= 90000 && code < 90100;
    }
}
