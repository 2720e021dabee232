package org.zhsz.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The thresholds of vision screening as data ({@code health/vision/standard.csv}, sources in its README): the
 * categories of the five-point uncorrected value, the screening-myopia rule and the input ranges. Immutable; read
 * once.
 */
final class VisionStandard {

    static final String RESOURCE = "health/vision/standard.csv";

    /** A category band, inclusive at both ends. */
    record Band(String category, BigDecimal min, BigDecimal max) {
        boolean contains(BigDecimal v) {
            return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
        }
    }

    record Range(BigDecimal min, BigDecimal max) {
        boolean contains(BigDecimal v) {
            return (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
        }
    }

    private final List<Band> bands;
    private final BigDecimal myopiaUncorrectedBelow;
    private final BigDecimal myopiaSeAtMost;
    private final Map<String, Range> inputs;

    private VisionStandard(List<Band> bands, BigDecimal myopiaUncorrectedBelow, BigDecimal myopiaSeAtMost,
                           Map<String, Range> inputs) {
        this.bands = List.copyOf(bands);
        this.myopiaUncorrectedBelow = myopiaUncorrectedBelow;
        this.myopiaSeAtMost = myopiaSeAtMost;
        this.inputs = Map.copyOf(inputs);
    }

    private static final VisionStandard INSTANCE = load();

    static VisionStandard get() {
        return INSTANCE;
    }

    static VisionStandard load() {
        try (InputStream in = VisionStandard.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static VisionStandard parse(List<String> lines) {
        List<Band> bands = new ArrayList<>();
        Map<String, Range> inputs = new HashMap<>();
        BigDecimal below = null;
        BigDecimal seAtMost = null;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",", -1);
            BigDecimal min = c[2].isBlank() ? null : new BigDecimal(c[2]);
            BigDecimal max = c[3].isBlank() ? null : new BigDecimal(c[3]);
            switch (c[0]) {
                case "category" -> bands.add(new Band(c[1], min, max));
                case "myopia" -> {
                    if (c[1].equals("uncorrected_below")) {
                        below = min;
                    } else if (c[1].equals("spherical_equivalent_at_most")) {
                        seAtMost = max;
                    }
                }
                case "input" -> inputs.put(c[1], new Range(min, max));
                default -> throw new IllegalStateException("unknown rule in " + RESOURCE + ": " + c[0]);
            }
        }
        if (bands.isEmpty() || below == null || seAtMost == null || !inputs.keySet().containsAll(
                List.of("five_point", "sphere", "cylinder", "axis"))) {
            throw new IllegalStateException(RESOURCE + " is incomplete");
        }
        return new VisionStandard(bands, below, seAtMost, inputs);
    }

    /** Categories from best to worst, as the file lists them. */
    List<Band> bands() {
        return bands;
    }

    /** The category of a five-point value, or null outside every band. */
    String category(BigDecimal fivePoint) {
        for (Band b : bands) {
            if (b.contains(fivePoint)) {
                return b.category();
            }
        }
        return null;
    }

    /** Rank of a category: 0 = the best; higher is worse. */
    int severity(String category) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).category().equals(category)) {
                return i;
            }
        }
        return -1;
    }

    boolean screeningMyopia(BigDecimal uncorrected, BigDecimal sphericalEquivalent) {
        return uncorrected != null && sphericalEquivalent != null && uncorrected.compareTo(myopiaUncorrectedBelow) < 0
                && sphericalEquivalent.compareTo(myopiaSeAtMost) <= 0;
    }

    /** The value from which a five-point result counts as normal (5.0): below it, vision is poor (视力不良). */
    BigDecimal normalFrom() {
        return bands.get(0).min();
    }

    Range input(String key) {
        return inputs.get(key);
    }
}
