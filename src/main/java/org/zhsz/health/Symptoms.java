package org.zhsz.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The 晨午检 symptoms from {@code health/attendance/symptoms.csv} (sources in its README), in register order. */
final class Symptoms {

    record Symptom(String code, String zh, String en) {
    }

    private static final List<Symptom> ALL = load();

    private Symptoms() {
    }

    static List<Symptom> all() {
        return ALL;
    }

    static List<String> codes() {
        return ALL.stream().map(Symptom::code).toList();
    }

    static boolean known(String code) {
        return ALL.stream().anyMatch(s -> s.code().equals(code));
    }

    private static List<Symptom> load() {
        String resource = "health/attendance/symptoms.csv";
        try (InputStream in = Symptoms.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).toList();
            List<Symptom> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",", -1);
                out.add(new Symptom(c[0], c[1], c[2]));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
