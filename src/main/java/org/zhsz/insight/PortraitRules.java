package org.zhsz.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.zhsz.record.Dimension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The growth portrait's rules as data ({@code insight/portrait.json}): per dimension, weighted parts of figures
 * scored against full marks, penalties, and levels by score. Without Spring.
 */
final class PortraitRules {

    static final String RESOURCE = "/insight/portrait.json";

    record Part(String figure, double weight, double full) {
    }

    record Penalty(String figure, double points) {
    }

    record DimensionRule(Dimension dimension, List<Part> parts, List<Penalty> penalties) {
    }

    record Level(String code, int minScore) {
    }

    /** A dimension's score (null when no part had a figure) and level. */
    record Scored(Dimension dimension, Integer score, String level) {
    }

    private final String version;
    private final List<DimensionRule> dimensions;
    private final List<Level> levels;

    PortraitRules(String version, List<DimensionRule> dimensions, List<Level> levels) {
        this.version = version;
        this.dimensions = List.copyOf(dimensions);
        this.levels = levels.stream().sorted(Comparator.comparingInt(Level::minScore).reversed()).toList();
        if (this.levels.isEmpty() || this.levels.get(this.levels.size() - 1).minScore() != 0) {
            throw new IllegalStateException("portrait levels must go down to a score of 0");
        }
        for (DimensionRule d : dimensions) {
            for (Part p : d.parts()) {
                if (p.weight() <= 0 || p.full() <= 0) {
                    throw new IllegalStateException(d.dimension() + ": weight and full must be positive");
                }
            }
        }
    }

    String version() {
        return version;
    }

    List<Dimension> dimensions() {
        return dimensions.stream().map(DimensionRule::dimension).toList();
    }

    List<String> levelCodes() {
        return levels.stream().map(Level::code).toList();
    }

    /** Scores of every dimension from the figures present (absent: unknown or not readable). */
    List<Scored> score(Map<String, Double> figures) {
        List<Scored> out = new ArrayList<>();
        for (DimensionRule d : dimensions) {
            double weights = 0;
            double sum = 0;
            for (Part p : d.parts()) {
                Double v = figures.get(p.figure());
                if (v != null) {
                    weights += p.weight();
                    sum += p.weight() * Math.min(1.0, Math.max(0.0, v / p.full())) * 100;
                }
            }
            if (weights == 0) {
                out.add(new Scored(d.dimension(), null, null));
                continue;
            }
            double score = sum / weights;
            for (Penalty pen : d.penalties()) {
                Double v = figures.get(pen.figure());
                if (v != null) {
                    score -= v * pen.points();
                }
            }
            int s = (int) Math.round(Math.max(0, Math.min(100, score)));
            out.add(new Scored(d.dimension(), s, level(s)));
        }
        return out;
    }

    String level(int score) {
        for (Level l : levels) {
            if (score >= l.minScore()) {
                return l.code();
            }
        }
        throw new IllegalStateException("no level for " + score);
    }

    static PortraitRules load() {
        try (InputStream in = PortraitRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing");
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PortraitRules parse(JsonNode root) {
        List<Level> levels = new ArrayList<>();
        root.get("levels").forEach(l -> levels.add(new Level(l.get("code").asString(), l.get("minScore").asInt())));
        List<DimensionRule> dims = new ArrayList<>();
        root.get("dimensions").forEach(d -> {
            List<Part> parts = new ArrayList<>();
            d.get("parts").forEach(p -> parts.add(new Part(p.get("figure").asString(), p.get("weight").asDouble(),
                    p.get("full").asDouble())));
            List<Penalty> penalties = new ArrayList<>();
            if (d.has("penalties")) {
                d.get("penalties").forEach(p -> penalties.add(new Penalty(p.get("figure").asString(),
                        p.get("points").asDouble())));
            }
            dims.add(new DimensionRule(Dimension.valueOf(d.get("dimension").asString()), parts, penalties));
        });
        return new PortraitRules(root.get("version").asString(), dims, levels);
    }
}
