package org.zhsz.wellbeing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instrument catalogue: the free instruments shipped in {@code wellbeing/instruments/*.json} (PHQ-9 with the
 * PHQ-A wording, GAD-7) plus any file a school drops into {@code zhsz.wellbeing.instrument-dir} for an instrument
 * it has licensed. A file that does not make sense is refused at start with a clear message.
 */
@Component
class Instruments {

    private static final Logger log = LoggerFactory.getLogger(Instruments.class);

    private final Map<String, Instrument> byCode = new LinkedHashMap<>();

    Instruments(@Value("${zhsz.wellbeing.instrument-dir:}") String extraDir) throws IOException {
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources(
                "classpath:wellbeing/instruments/*.json")) {
            try (InputStream in = r.getInputStream()) {
                add(json.readValue(in, Instrument.class), r.getFilename());
            }
        }
        if (extraDir != null && !extraDir.isBlank() && Files.isDirectory(Path.of(extraDir))) {
            try (Stream<Path> files = Files.list(Path.of(extraDir))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    add(json.readValue(p.toFile(), Instrument.class), p.toString());
                }
            }
        }
        log.info("Screening instruments: {}", byCode.keySet());
    }

    private void add(Instrument in, String source) {
        List<String> problems = in.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("instrument file " + source + " is invalid: " + problems);
        }
        byCode.put(in.code(), in);
    }

    Optional<Instrument> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    Collection<Instrument> all() {
        return new ArrayList<>(byCode.values());
    }
}
