package org.zhsz.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zhsz.platform.DataClass;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The early-warning criteria as data ({@code insight/early-warning.json}, sources in its README): each criterion's
 * kind, parameters, weight, the data class it reads; and the levels by score. Checked when loaded, so a bad file
 * stops the start instead of silently warning nobody.
 */
record WarningCriteria(String version, List<Level> levels, List<Criterion> criteria) {

    static final String RESOURCE = "/insight/early-warning.json";

    enum Kind {
        ABSENT_IN_A_ROW, SICK_DAYS_IN_MONTH, FITNESS_FAILED, FITNESS_NOT_TESTED, VISION_NOT_FOLLOWED_UP,
        NO_RECORD_IN_DIMENSION, VIOLATION, LABOUR_HOURS_LOW, WELLBEING_ATTENTION
    }

    /** A level from {@code minScore} up (the levels are kept highest first). */
    record Level(String code, int minScore) {
    }

    /** {@code aggregate}: whether the reason counts in a school's or the county's counts (wellbeing does not). */
    record Criterion(String code, Kind kind, DataClass dataClass, int weight, boolean aggregate, JsonNode params) {

        int intParam(String name) {
            JsonNode n = params.get(name);
            if (n == null || !n.isNumber()) {
                throw new IllegalStateException("criterion " + code + ": number parameter " + name + " missing");
            }
            return n.asInt();
        }

        double numberParam(String name) {
            JsonNode n = params.get(name);
            if (n == null || !n.isNumber()) {
                throw new IllegalStateException("criterion " + code + ": number parameter " + name + " missing");
            }
            return n.asDouble();
        }

        String textParam(String name) {
            JsonNode n = params.get(name);
            if (n == null || !n.isString()) {
                throw new IllegalStateException("criterion " + code + ": text parameter " + name + " missing");
            }
            return n.asString();
        }

        List<String> listParam(String name) {
            JsonNode n = params.get(name);
            if (n == null || !n.isArray() || n.isEmpty()) {
                throw new IllegalStateException("criterion " + code + ": list parameter " + name + " missing");
            }
            List<String> out = new ArrayList<>();
            n.forEach(e -> out.add(e.asString()));
            return out;
        }
    }

    WarningCriteria {
        levels = levels.stream().sorted(Comparator.comparingInt(Level::minScore).reversed()).toList();
        criteria = List.copyOf(criteria);
        Set<String> codes = new HashSet<>();
        for (Criterion c : criteria) {
            if (!codes.add(c.code())) {
                throw new IllegalStateException("criterion " + c.code() + " twice");
            }
            if (c.weight() < 1) {
                throw new IllegalStateException("criterion " + c.code() + ": weight must be at least 1");
            }
        }
        if (levels.isEmpty() || levels.get(levels.size() - 1).minScore() < 1) {
            throw new IllegalStateException("levels must start at a score of at least 1");
        }
    }

    /** The level of a score, or null when below every level. */
    String level(int score) {
        for (Level l : levels) {
            if (score >= l.minScore()) {
                return l.code();
            }
        }
        return null;
    }

    /** Level codes, highest first. */
    List<String> levelCodes() {
        return levels.stream().map(Level::code).toList();
    }

    static WarningCriteria load() {
        try (InputStream in = WarningCriteria.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing");
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WarningCriteria parse(JsonNode root) {
        List<Level> levels = new ArrayList<>();
        root.get("levels").forEach(l -> levels.add(new Level(l.get("code").asString(), l.get("minScore").asInt())));
        List<Criterion> criteria = new ArrayList<>();
        root.get("criteria").forEach(c -> {
            JsonNode params = c.get("params");
            criteria.add(new Criterion(c.get("code").asString(), Kind.valueOf(c.get("kind").asString()),
                    DataClass.valueOf(c.get("dataClass").asString()), c.get("weight").asInt(),
                    !c.has("aggregate") || c.get("aggregate").asBoolean(),
                    params == null ? JsonMapper.builder().build().createObjectNode() : params));
        });
        WarningCriteria wc = new WarningCriteria(root.get("version").asString(), levels, criteria);
        // every parameter a kind needs is present: evaluate once on empty facts would not reach them all
        for (Criterion c : wc.criteria()) {
            switch (c.kind()) {
                case ABSENT_IN_A_ROW, SICK_DAYS_IN_MONTH -> c.intParam("days");
                case FITNESS_NOT_TESTED, VISION_NOT_FOLLOWED_UP -> c.intParam("graceDays");
                case NO_RECORD_IN_DIMENSION -> {
                    c.intParam("graceDays");
                    c.listParam("dimensions").forEach(d -> org.zhsz.record.Dimension.valueOf(d));
                }
                case VIOLATION -> c.textParam("category");
                case LABOUR_HOURS_LOW -> {
                    c.numberParam("targetHours");
                    c.numberParam("belowShare");
                    c.intParam("graceDays");
                }
                case FITNESS_FAILED, WELLBEING_ATTENTION -> {
                }
            }
        }
        return wc;
    }

    Map<String, Criterion> byCode() {
        Map<String, Criterion> m = new java.util.LinkedHashMap<>();
        criteria.forEach(c -> m.put(c.code(), c));
        return m;
    }
}
