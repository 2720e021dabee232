package org.zhsz.family;

import static org.zhsz.family.ProviderHttp.enc;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 企业微信 (WeCom) self-built app: {@code GET /cgi-bin/gettoken?corpid&corpsecret} for the access_token (cached), then
 * {@code POST /cgi-bin/message/send?access_token=…} with a {@code textcard} to the member whose userid is the
 * guardian's platform username. See docs/family.md for the provider's documentation and the error codes mapped here.
 */
final class WeComChannel extends WorkAppChannel {

    /** access_token invalid or expired: fetch a new one and try once more */
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    /** API call frequency limits */
    static final Set<Integer> RATE_ERRORS = Set.of(45009, 45033);

    private final FamilyProperties.WeCom config;

    WeComChannel(FamilyProperties.WeCom config, ProviderHttp http, JsonMapper json, Clock clock) {
        super(http, json, AccessTokenCache.gettoken(clock, http, json, () -> config.endpoint()
                + "/cgi-bin/gettoken?corpid=" + enc(config.corpId()) + "&corpsecret=" + enc(config.corpSecret())));
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    String sendUrl(String token) {
        return config.endpoint() + "/cgi-bin/message/send?access_token=" + enc(token);
    }

    @Override
    Map<String, Object> body(String address, Message message) {
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
        return body;
    }

    /** errcode 0 but the member listed in invaliduser: not delivered. */
    @Override
    Outcome accepted(JsonNode answer, String address) {
        String invalid = answer.path("invaliduser").asString("");
        if (Arrays.asList(invalid.split("\\|")).contains(address)) {
            return Outcome.failed("invaliduser");
        }
        return Outcome.sent(answer.path("msgid").asString(null));
    }

    @Override
    boolean tokenRejected(int code, JsonNode answer) {
        return TOKEN_ERRORS.contains(code);
    }

    @Override
    boolean rateLimited(int code) {
        return RATE_ERRORS.contains(code);
    }
}
