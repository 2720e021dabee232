package org.zhsz.family;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.zhsz.platform.FieldError;

/**
 * What a class notice may say. A notice goes to every family of the class, so it must not single out a child: it
 * may not name a student of the class nor carry an ID or 学籍号 number (a child's sensitive data belongs in the
 * records, where access is controlled per child). Pure; unit-tested.
 */
final class NoticeRules {

    static final int MAX_TITLE = 60;
    static final int MAX_BODY = 2000;
    static final int MAX_ATTACHMENTS = 5;
    static final int MAX_DUE_DAYS = 180;
    /** 18-character resident ID numbers and 学籍号 (a letter and an ID number) */
    static final Pattern PERSONAL_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[GJLgjl]?\\d{17}[0-9Xx](?![0-9A-Za-z])");

    private NoticeRules() {
    }

    record Draft(String title, String body, boolean requiresConfirmation, LocalDate dueOn, List<String> attachments) {
    }

    /** {@code studentNames}: the full names of the students the notice goes to. */
    static List<FieldError> validate(Draft d, LocalDate today, Collection<String> studentNames) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "title", d.title(), MAX_TITLE);
        text(errors, "body", d.body(), MAX_BODY);
        if (d.dueOn() != null) {
            if (d.dueOn().isBefore(today)) {
                errors.add(new FieldError("dueOn", "in_past", "dueOn cannot be in the past"));
            } else if (d.dueOn().isAfter(today.plusDays(MAX_DUE_DAYS))) {
                errors.add(new FieldError("dueOn", "too_far", "dueOn is at most " + MAX_DUE_DAYS + " days ahead"));
            }
        }
        if (d.attachments() != null) {
            if (d.attachments().size() > MAX_ATTACHMENTS) {
                errors.add(new FieldError("attachments", "too_many", "at most " + MAX_ATTACHMENTS + " files"));
            } else if (d.attachments().stream().distinct().count() != d.attachments().size()) {
                errors.add(new FieldError("attachments", "duplicate", "the same file is listed twice"));
            }
        }
        for (String field : List.of("title", "body")) {
            String value = "title".equals(field) ? d.title() : d.body();
            if (value == null) {
                continue;
            }
            if (PERSONAL_NUMBER.matcher(value).find()) {
                errors.add(new FieldError(field, "personal_number",
                        "a notice to the class must not carry an ID or student number"));
            } else if (namesAStudent(value, studentNames)) {
                errors.add(new FieldError(field, "names_a_student",
                        "a notice goes to the whole class and must not name a student"));
            }
        }
        return errors;
    }

    static boolean namesAStudent(String text, Collection<String> names) {
        String compact = text.replaceAll("\\s+", "");
        for (String n : names) {
            if (n != null && n.codePointCount(0, n.length()) >= 2 && compact.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", field + " is required"));
        } else if (value.strip().codePointCount(0, value.strip().length()) > max) {
            errors.add(new FieldError(field, "too_long", field + " is at most " + max + " characters"));
        }
    }
}
