package org.zhsz.family;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.zhsz.platform.SchoolClock;

import tools.jackson.databind.json.JsonMapper;

/** The delivery channels each county has turned on, built once from {@link FamilyProperties}. */
@Component
class ChannelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Map<String, Map<DeliveryChannel.Channel, DeliveryChannel>> byCounty = new HashMap<>();
    private final Map<String, Map<DeliveryChannel.Channel, Integer>> perMinute = new HashMap<>();

    ChannelRegistry(FamilyProperties props, JsonMapper json, SchoolClock clock) {
        ProviderHttp http = new ProviderHttp(props.delivery().timeout());
        props.delivery().counties().forEach((county, c) -> {
            Map<DeliveryChannel.Channel, DeliveryChannel> channels = new EnumMap<>(DeliveryChannel.Channel.class);
            Map<DeliveryChannel.Channel, Integer> limits = new EnumMap<>(DeliveryChannel.Channel.class);
            if (c.sms() != null && c.sms().enabled()) {
                channels.put(DeliveryChannel.Channel.SMS, new SmsChannel(c.sms(), http, json, clock.clock()));
                limits.put(DeliveryChannel.Channel.SMS, c.sms().perMinute());
            }
            if (c.wecom() != null && c.wecom().enabled()) {
                channels.put(DeliveryChannel.Channel.WECOM, new WeComChannel(c.wecom(), http, json, clock.clock()));
                limits.put(DeliveryChannel.Channel.WECOM, c.wecom().perMinute());
            }
            if (c.dingtalk() != null && c.dingtalk().enabled()) {
                channels.put(DeliveryChannel.Channel.DINGTALK, new DingTalkChannel(c.dingtalk(), http, json,
                        clock.clock()));
                limits.put(DeliveryChannel.Channel.DINGTALK, c.dingtalk().perMinute());
            }
            if (!channels.isEmpty()) {
                log.info("Family delivery for county {}: in-app inbox and {}", county, channels.keySet());
            }
            byCounty.put(county, channels);
            perMinute.put(county, limits);
        });
    }

    List<DeliveryChannel> of(String countyId) {
        return countyId == null ? List.of() : new ArrayList<>(byCounty.getOrDefault(countyId, Map.of()).values());
    }

    DeliveryChannel channel(String countyId, String channel) {
        return byCounty.getOrDefault(countyId, Map.of()).get(DeliveryChannel.Channel.valueOf(channel));
    }

    int perMinute(String countyId, String channel) {
        return perMinute.getOrDefault(countyId, Map.of()).getOrDefault(DeliveryChannel.Channel.valueOf(channel), 60);
    }

    boolean anyEnabled() {
        return byCounty.values().stream().anyMatch(m -> !m.isEmpty());
    }
}
