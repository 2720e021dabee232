package org.zhsz.family;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import reactor.core.publisher.Mono;

/**
 * 阿里云短信服务 (Dysmsapi, API version 2017-05-25) {@code SendSms} in the RPC style: the parameters sorted and
 * percent-encoded, signed with HMAC-SHA1 over {@code GET&%2F&<encoded query>} with the key {@code secret + "&"},
 * sent as a GET. The approved template gets one variable, {@code link}. Only mainland mobile numbers are sent to.
 */
final class SmsChannel implements DeliveryChannel {

    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final FamilyProperties.Sms config;
    private final ProviderHttp http;
    private final JsonMapper json;
    private final Clock clock;

    SmsChannel(FamilyProperties.Sms config, ProviderHttp http, JsonMapper json, Clock clock) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String address(Recipient recipient) {
        String phone = recipient.phone() == null ? null : recipient.phone().replaceAll("[\\s-]", "");
        if (phone != null && phone.startsWith("+86")) {
            phone = phone.substring(3);
        }
        return phone != null && MOBILE.matcher(phone).matches() ? phone : null;
    }

    @Override
    public Mono<Outcome> send(String address, Message message) {
        Map<String, String> params = new TreeMap<>();
        params.put("AccessKeyId", config.accessKeyId());
        params.put("Action", "SendSms");
        params.put("Format", "JSON");
        params.put("PhoneNumbers", address);
        params.put("RegionId", config.regionId());
        params.put("SignName", config.signName());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("SignatureVersion", "1.0");
        params.put("TemplateCode", config.templateCode());
        params.put("TemplateParam", json.writeValueAsString(Map.of("link", message.link())));
        params.put("Timestamp", TIMESTAMP.format(clock.instant()));
        params.put("Version", "2017-05-25");
        String query = canonical(params);
        String signature = sign("GET", query, config.accessKeySecret());
        return http.get(config.endpoint() + "?Signature=" + percent(signature) + "&" + query).map(r -> {
            JsonNode n = ProviderHttp.json(json, r.body());
            String code = n == null ? null : n.path("Code").asString(null);
            if ("OK".equals(code)) {
                return Outcome.sent(n.path("BizId").asString(null));
            }
            String error = code == null ? "http " + r.status() : code + " " + n.path("Message").asString("");
            if (code != null && (code.equals("isv.BUSINESS_LIMIT_CONTROL") || code.startsWith("Throttling"))) {
                return Outcome.rateLimited(error);
            }
            if (r.serverError() || (code != null && (code.startsWith("isp.") || code.equals("ServiceUnavailable")))) {
                return Outcome.retry(error);
            }
            return Outcome.failed(error);
        });
    }

    /** Sorted {@code key=value} pairs, each percent-encoded, joined with {@code &}. */
    static String canonical(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(percent(k)).append('=').append(percent(v));
        });
        return sb.toString();
    }

    /** The provider's signature: Base64(HMAC-SHA1(secret&, METHOD&%2F&percent(query))). */
    static String sign(String method, String canonicalQuery, String secret) {
        String toSign = method + "&" + percent("/") + "&" + percent(canonicalQuery);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** URL encoding as the provider specifies it: space as %20, * as %2A, ~ kept. */
    static String percent(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
