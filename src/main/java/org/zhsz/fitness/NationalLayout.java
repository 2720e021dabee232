package org.zhsz.fitness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The national upload file's layout as data ({@code fitness/national-upload/}, sources in its README): the columns
 * in order with the field each holds, and the platform's codes for grade, sex and ethnicity.
 */
final class NationalLayout {

    static final String DIR = "fitness/national-upload/";

    record Column(String header, String field) {
    }

    private static final List<Column> COLUMNS = loadColumns();
    private static final Map<Integer, String> GRADE_CODES = codes("grade-codes.csv", 0, 1);
    private static final Map<String, String> SEX_CODES = codes("sex-codes.csv", 1, 0);
    private static final Map<String, String> ETHNICITY_CODES = codes("ethnicity-codes.csv", 1, 0);

    private NationalLayout() {
    }

    static List<Column> columns() {
        return COLUMNS;
    }

    private static List<Column> loadColumns() {
        List<Column> out = new ArrayList<>();
        for (String[] c : rows("columns.csv")) {
            out.add(new Column(c[1], c[2]));
        }
        return List.copyOf(out);
    }

    static List<String> headers() {
        return columns().stream().map(Column::header).toList();
    }

    /** 年级编号 of grade level 1–12 (11 = 小学一年级 … 33 = 高中三年级); blank when unknown. */
    static String gradeCode(int grade) {
        return GRADE_CODES.getOrDefault(grade, "");
    }

    /** 1 男, 2 女. */
    static String sexCode(String sex) {
        return SEX_CODES.getOrDefault(sex, "");
    }

    /** GB/T 3304 code of an ethnicity name (回族 → 03); blank when unknown. */
    static String ethnicityCode(String name) {
        return name == null ? "" : ETHNICITY_CODES.getOrDefault(name.trim(), "");
    }

    @SuppressWarnings("unchecked")
    private static <K> Map<K, String> codes(String file, int keyColumn, int valueColumn) {
        Map<Object, String> m = new HashMap<>();
        for (String[] c : rows(file)) {
            Object key = file.startsWith("grade") ? Integer.valueOf(c[keyColumn]) : c[keyColumn];
            m.put(key, c[valueColumn]);
        }
        return (Map<K, String>) Map.copyOf(m);
    }

    private static List<String[]> rows(String file) {
        try (InputStream in = NationalLayout.class.getClassLoader().getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException(DIR + file + " is missing");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).toList();
            List<String[]> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                out.add(line.split(",", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
