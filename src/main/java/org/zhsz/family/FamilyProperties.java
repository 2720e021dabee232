package org.zhsz.family;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Family-module settings.
 *
 * @param linkBaseUrl       the platform's address as families reach it; messages sent outside the app link here
 * @param delivery          sending notices through SMS, 企业微信 and 钉钉 (off unless a county turns a channel on)
 * @param reminderEvery     shortest time between two reminders of one notice (default 1 h)
 * @param photosPerTerm     home-task photos a student's family may upload per term (default 60)
 */
@ConfigurationProperties("zhsz.family")
record FamilyProperties(String linkBaseUrl, Delivery delivery, Duration reminderEvery, Integer photosPerTerm) {

    FamilyProperties {
        linkBaseUrl = linkBaseUrl == null || linkBaseUrl.isBlank() ? "http://localhost:8080"
                : linkBaseUrl.replaceAll("/+$", "");
        delivery = delivery == null ? new Delivery(null, null, null, false, null) : delivery;
        reminderEvery = reminderEvery == null ? Duration.ofHours(1) : reminderEvery;
        photosPerTerm = photosPerTerm == null ? 60 : photosPerTerm;
    }

    /**
     * How often due messages are sent is {@code zhsz.family.delivery.dispatch-every-ms} (default 5000).
     *
     * @param maxAttempts     attempts before a message is given up as failed (default 4)
     * @param firstRetryAfter wait after the first failure; doubled after each further one (default 30 s)
     * @param timeout         one provider request's limit (default 10 s)
     * @param paused          queue messages but send none (e.g. while a provider account is being sorted out);
     *                        they go out once this is false again
     * @param counties        channels per county id; a county without an entry uses the in-app inbox only
     */
    record Delivery(Integer maxAttempts, Duration firstRetryAfter, Duration timeout, boolean paused,
                    Map<String, CountyChannels> counties) {

        Delivery {
            maxAttempts = maxAttempts == null ? 4 : maxAttempts;
            firstRetryAfter = firstRetryAfter == null ? Duration.ofSeconds(30) : firstRetryAfter;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            counties = counties == null ? Map.of() : Map.copyOf(counties);
        }

        CountyChannels of(String countyId) {
            CountyChannels c = countyId == null ? null : counties.get(countyId);
            return c == null ? new CountyChannels(null, null, null) : c;
        }

        boolean anyEnabled() {
            return counties.values().stream().anyMatch(CountyChannels::anyEnabled);
        }
    }

    /** The channels one county has contracted; each is off unless {@code enabled}. */
    record CountyChannels(Sms sms, WeCom wecom, DingTalk dingtalk) {

        boolean anyEnabled() {
            return (sms != null && sms.enabled()) || (wecom != null && wecom.enabled())
                    || (dingtalk != null && dingtalk.enabled());
        }
    }

    /**
     * 阿里云短信 (Dysmsapi 2017-05-25, SendSms). The template must be approved by the provider and contain only a
     * {@code ${link}} variable, e.g. "您有一条新的班级通知，请登录平台查看：${link}".
     */
    record Sms(boolean enabled, String endpoint, String accessKeyId, String accessKeySecret, String signName,
               String templateCode, String regionId, Integer perMinute) {

        Sms {
            endpoint = endpoint == null ? "https://dysmsapi.aliyuncs.com/" : endpoint;
            regionId = regionId == null ? "cn-hangzhou" : regionId;
            perMinute = perMinute == null ? 100 : perMinute;
        }
    }

    /** 企业微信 self-built app (gettoken + message/send); recipients' member userid = their platform username. */
    record WeCom(boolean enabled, String endpoint, String corpId, String corpSecret, Long agentId,
                 Integer perMinute) {

        WeCom {
            endpoint = endpoint == null ? "https://qyapi.weixin.qq.com" : endpoint.replaceAll("/+$", "");
            perMinute = perMinute == null ? 600 : perMinute;
        }
    }

    /** 钉钉 internal app (gettoken + 工作通知 asyncsend_v2); recipients' userid = their platform username. */
    record DingTalk(boolean enabled, String endpoint, String appKey, String appSecret, Long agentId,
                    Integer perMinute) {

        DingTalk {
            endpoint = endpoint == null ? "https://oapi.dingtalk.com" : endpoint.replaceAll("/+$", "");
            perMinute = perMinute == null ? 600 : perMinute;
        }
    }
}
