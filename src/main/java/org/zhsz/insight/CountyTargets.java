package org.zhsz.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The county report's indicators and targets as data ({@code insight/county-targets.json}). */
record CountyTargets(String version, List<Indicator> indicators) {

    static final String RESOURCE = "/insight/county-targets.json";

    /**
     * @param target     percent, or null when the target is last year's county value minus {@code yearlyDrop}
     * @param higher     higher is better
     */
    record Indicator(String code, BigDecimal target, boolean higher, BigDecimal yearlyDrop, String planItem,
                     String source) {
    }

    static CountyTargets load() {
        try (InputStream in = CountyTargets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Indicator> list = new ArrayList<>();
            root.get("indicators").forEach(i -> {
                JsonNode t = i.get("target");
                JsonNode drop = i.get("yearlyDrop");
                BigDecimal target = t == null || t.isNull() ? null : t.decimalValue();
                BigDecimal yearlyDrop = drop == null || drop.isNull() ? null : drop.decimalValue();
                if (target == null && yearlyDrop == null) {
                    throw new IllegalStateException(i.get("code").asString() + ": a target or a yearly drop");
                }
                list.add(new Indicator(i.get("code").asString(), target,
                        "HIGHER".equals(i.get("better").asString()), yearlyDrop, i.get("planItem").asString(),
                        i.get("source").asString()));
            });
            return new CountyTargets(root.get("version").asString(), list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
