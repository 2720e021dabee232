package org.zhsz.family;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * 五项管理 as data ({@code family/five-management.json}, or the county's own file in
 * {@code zhsz.family.five-management-file}): the forms families and teachers fill in and the targets with the
 * national notice each comes from. A file that does not make sense stops the start with a clear message.
 */
@Component
class FiveForms {

    private static final Logger log = LoggerFactory.getLogger(FiveForms.class);

    enum FieldType { TIME, MINUTES, COUNT, BOOLEAN, TEXT }

    enum Compare { AT_LEAST, AT_MOST, IS_FALSE, REPORTED }

    record Field(String code, FieldType type, boolean required, @Nullable Integer min, @Nullable Integer max,
                 @Nullable Integer maxLength,
                 Map<String, String> label, @Nullable Map<String, String> help) {
    }

    record Form(String code, String period, String filledBy, Map<String, String> name, Map<String, String> intro,
                List<Field> fields) {

        Optional<Field> field(String code) {
            return fields.stream().filter(f -> f.code().equals(code)).findFirst();
        }
    }

    /** A target: the measure, how it compares, the limit by stage or grade (or one value), and its source. */
    record Target(String code, Map<String, String> name, String measure, Compare compare, String source,
                  Map<String, String> label,
                  @Nullable Map<String, Object> byStage, @Nullable Map<String, Object> byGrade,
                  @Nullable Object value) {
    }

    record Source(String code, String issuer, String title, String number, String date, String point) {
    }

    record Catalogue(int version, String about, List<Source> sources, List<Form> forms, List<Target> targets) {
    }

    static final String CHECK_IN = "weekly_checkin";
    static final String HOMEWORK = "homework_declaration";

    private final Catalogue catalogue;

    FiveForms(@Value("${zhsz.family.five-management-file:}") String file) throws IOException {
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        if (file != null && !file.isBlank()) {
            this.catalogue = json.readValue(Files.readString(Path.of(file)), Catalogue.class);
        } else {
            try (InputStream in = new ClassPathResource("family/five-management.json").getInputStream()) {
                this.catalogue = json.readValue(in, Catalogue.class);
            }
        }
        List<String> problems = problems(catalogue);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("五项管理 file " + (file == null || file.isBlank()
                    ? "family/five-management.json" : file) + " is invalid: " + problems);
        }
        log.debug("五项管理 forms version {}", catalogue.version());
    }

    /** Every form the platform needs exists, every target names a known measure and source. */
    static List<String> problems(Catalogue c) {
        List<String> out = new ArrayList<>();
        for (String needed : List.of(CHECK_IN, HOMEWORK)) {
            if (c.forms() == null || c.forms().stream().noneMatch(f -> needed.equals(f.code()))) {
                out.add("form " + needed + " is missing");
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        Form checkIn = c.forms().stream().filter(f -> CHECK_IN.equals(f.code())).findFirst().orElseThrow();
        for (String needed : List.of("bedtime", "wakeTime")) {
            if (checkIn.field(needed).isEmpty()) {
                out.add("the check-in needs a " + needed + " field");
            }
        }
        for (Target t : c.targets() == null ? List.<Target>of() : c.targets()) {
            if (!"sleepMinutes".equals(t.measure()) && checkIn.field(t.measure()).isEmpty()) {
                out.add("target " + t.code() + " measures unknown field " + t.measure());
            }
            if (c.sources() == null || c.sources().stream().noneMatch(s -> s.code().equals(t.source()))) {
                out.add("target " + t.code() + " has no source " + t.source());
            }
            if (t.compare() != Compare.REPORTED && t.compare() != Compare.IS_FALSE && t.value() == null
                    && t.byStage() == null && t.byGrade() == null) {
                out.add("target " + t.code() + " has no limit");
            }
        }
        return out;
    }

    Catalogue catalogue() {
        return catalogue;
    }

    Form form(String code) {
        return catalogue.forms().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    List<Target> targets() {
        return catalogue.targets();
    }

    int version() {
        return catalogue.version();
    }
}
