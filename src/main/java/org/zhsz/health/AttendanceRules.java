package org.zhsz.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.zhsz.health.AttendanceDay.Absence;
import org.zhsz.platform.FieldError;

/**
 * Rules of the daily register, without Spring: checking a class's exceptions, how many registered days in a row a
 * student has been absent (控辍保学), and the outbreak signal (the same symptom in one class: 3 on a day, or 5 within
 * the day and the two registered days before).
 */
final class AttendanceRules {

    static final int MAX_NOTE = 200;

    private AttendanceRules() {
    }

    /** One absence as the head teacher sends it. */
    record AbsenceInput(@Nullable String studentId, @Nullable String type, @Nullable List<String> symptoms,
                        @Nullable String note) {
    }

    record Checked(List<Absence> absences, List<FieldError> errors) {
    }

    /** The exceptions of a class of {@code members}; field errors name {@code absences[i].field}. */
    static Checked check(List<AbsenceInput> input, Set<String> members) {
        List<Absence> out = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<AbsenceInput> list = input == null ? List.of() : input;
        for (int i = 0; i < list.size(); i++) {
            AbsenceInput a = list.get(i);
            String at = "absences[" + i + "].";
            if (a == null || a.studentId() == null || a.studentId().isBlank()) {
                errors.add(new FieldError(at + "studentId", "required", "required"));
                continue;
            }
            if (!members.contains(a.studentId())) {
                errors.add(new FieldError(at + "studentId", "not_in_class", "not a student of this class"));
                continue;
            }
            if (!seen.add(a.studentId())) {
                errors.add(new FieldError(at + "studentId", "duplicate", "this student is listed twice"));
                continue;
            }
            AttendanceDay.Type type = type(a.type());
            if (type == null) {
                errors.add(new FieldError(at + "type", a.type() == null || a.type().isBlank() ? "required"
                        : "unknown_value", "SICK, PERSONAL or OTHER"));
                continue;
            }
            Set<String> symptoms = new LinkedHashSet<>();
            boolean bad = false;
            for (String s : a.symptoms() == null ? List.<String>of() : a.symptoms()) {
                if (s == null || !Symptoms.known(s)) {
                    errors.add(new FieldError(at + "symptoms", "unknown_value", "unknown symptom " + s));
                    bad = true;
                    break;
                }
                symptoms.add(s);
            }
            if (bad) {
                continue;
            }
            if (!symptoms.isEmpty() && type != AttendanceDay.Type.SICK) {
                errors.add(new FieldError(at + "symptoms", "symptoms_only_when_sick",
                        "symptoms belong to a sick absence"));
                continue;
            }
            String note = a.note() == null ? null : a.note().strip();
            if (note != null && note.isEmpty()) {
                note = null;
            }
            if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE) {
                errors.add(new FieldError(at + "note", "too_long", "at most " + MAX_NOTE + " characters"));
                continue;
            }
            if (note != null && !plainText(note)) {
                errors.add(new FieldError(at + "note", "invalid_text", "control or invisible characters"));
                continue;
            }
            // keep the register's order of symptoms, whatever order they were ticked in
            List<String> ordered = Symptoms.codes().stream().filter(symptoms::contains).toList();
            out.add(new Absence(a.studentId(), type, ordered, note));
        }
        out.sort(Comparator.comparing(Absence::studentId));
        return new Checked(List.copyOf(out), List.copyOf(errors));
    }

    static AttendanceDay.Type type(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "SICK", "病假", "因病" -> AttendanceDay.Type.SICK;
            case "PERSONAL", "事假" -> AttendanceDay.Type.PERSONAL;
            case "OTHER", "其他" -> AttendanceDay.Type.OTHER;
            default -> null;
        };
    }

    /** No control characters, bidi overrides or unpaired surrogates, and not only invisible characters. */
    static boolean plainText(String s) {
        boolean visible = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                    || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false; // control characters, bidi overrides, an unpaired surrogate
            }
            if (!Character.isWhitespace(cp) && cp != 0x200B && cp != 0x200C && cp != 0x200D && cp != 0xFEFF) {
                visible = true;
            }
        }
        return visible;
    }

    /**
     * Registered days in a row, ending at the newest, on which the student was absent. {@code days} are one class's
     * registered days, newest first; days the class was not registered (weekends, holidays) do not break a streak.
     */
    static int streak(List<AttendanceDay> days, String studentId) {
        int n = 0;
        for (AttendanceDay d : days) {
            if (d.absenceOf(studentId) == null) {
                break;
            }
            n++;
        }
        return n;
    }

    record Cluster(String symptom, int onDay, int withinThreeDays) {
    }

    /**
     * The symptoms that reached the outbreak signal in one class: {@code days} are the class's registered days up to
     * the day in question, newest first (the day itself first).
     */
    static List<Cluster> clusters(List<AttendanceDay> days, int perDay, int perThreeDays) {
        if (days.isEmpty()) {
            return List.of();
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(3, days.size()); i++) {
            for (Absence a : days.get(i).absences()) {
                if (a.type() != AttendanceDay.Type.SICK) {
                    continue;
                }
                for (String s : a.symptoms()) {
                    int[] c = counts.computeIfAbsent(s, k -> new int[2]);
                    if (i == 0) {
                        c[0]++;
                    }
                    c[1]++;
                }
            }
        }
        List<Cluster> out = new ArrayList<>();
        counts.forEach((s, c) -> {
            if (c[0] >= perDay || c[1] >= perThreeDays) {
                out.add(new Cluster(s, c[0], c[1]));
            }
        });
        return out;
    }

    /** The dates on which a class's register lists the student as sick with symptoms, and those symptoms. */
    static Map<LocalDate, List<String>> sickDays(List<AttendanceDay> days, String studentId) {
        Map<LocalDate, List<String>> out = new LinkedHashMap<>();
        for (AttendanceDay d : days) {
            Absence a = d.absenceOf(studentId);
            if (a != null && a.sickWithSymptoms()) {
                out.put(d.date(), a.symptoms());
            }
        }
        return out;
    }
}
