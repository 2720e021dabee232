package org.zhsz.family;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.zhsz.platform.FieldError;

/**
 * Home-task rules: what a checklist item is, and when a task may be ticked done — not in the future, not longer ago
 * than {@value #DAYS_BACK} days, inside its window, and no more often than its frequency (daily tasks once a day,
 * weekly tasks once a calendar week, one-off tasks once a term). Pure; unit-tested.
 */
final class HomeTaskRules {

    static final int MAX_ITEMS = 40;
    static final int DAYS_BACK = 14;
    static final BigDecimal MIN_HOURS = new BigDecimal("0.1");
    static final BigDecimal MAX_HOURS = new BigDecimal("8");
    static final int MAX_NOTE = 200;
    static final int MAX_PHOTOS = 3;

    private HomeTaskRules() {
    }

    static List<FieldError> validateChecklist(List<Docs.Task> items) {
        List<FieldError> errors = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            errors.add(new FieldError("items", "required", "a checklist needs at least one task"));
            return errors;
        }
        if (items.size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "too_many", "at most " + MAX_ITEMS + " tasks"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Docs.Task t = items.get(i);
            String p = "items[" + i + "].";
            if (t == null) {
                errors.add(new FieldError("items[" + i + "]", "required", "empty task"));
                continue;
            }
            if (t.code() == null || !t.code().matches("[a-z0-9_]{1,40}")) {
                errors.add(new FieldError(p + "code", "invalid", "a code of a-z, 0-9 and _"));
            } else if (!codes.add(t.code())) {
                errors.add(new FieldError(p + "code", "duplicate", "the same code twice"));
            }
            if (t.title() == null || t.title().isBlank()) {
                errors.add(new FieldError(p + "title", "required", "title is required"));
            } else if (t.title().strip().length() > 40) {
                errors.add(new FieldError(p + "title", "too_long", "title is at most 40 characters"));
            }
            if (t.description() != null && t.description().length() > 200) {
                errors.add(new FieldError(p + "description", "too_long", "description is at most 200 characters"));
            }
            if (t.frequency() == null) {
                errors.add(new FieldError(p + "frequency", "required", "DAILY, WEEKLY or ONCE"));
            }
            String hours = hoursProblem(t.hours());
            if (hours != null) {
                errors.add(new FieldError(p + "hours", hours, "0.1 to 8 hours, one decimal"));
            }
            if (t.availableFrom() != null && t.availableTo() != null && t.availableTo().isBefore(t.availableFrom())) {
                errors.add(new FieldError(p + "availableTo", "before_start", "the window ends before it starts"));
            }
        }
        return errors;
    }

    static String hoursProblem(BigDecimal h) {
        if (h == null) {
            return "required";
        }
        if (h.compareTo(MIN_HOURS) < 0 || h.compareTo(MAX_HOURS) > 0 || h.stripTrailingZeros().scale() > 1) {
            return "out_of_range";
        }
        return null;
    }

    /** A tick still in force: waiting for a guardian, or confirmed and not rejected. */
    record Done(LocalDate on, String term) {
    }

    /** Why the task may not be ticked done on that date (a problem code), or null. */
    static String completionProblem(Docs.Task task, LocalDate doneOn, LocalDate today, String term, List<Done> earlier) {
        if (doneOn.isAfter(today)) {
            return "in_future";
        }
        if (doneOn.isBefore(today.minusDays(DAYS_BACK))) {
            return "too_old";
        }
        if ((task.availableFrom() != null && doneOn.isBefore(task.availableFrom()))
                || (task.availableTo() != null && doneOn.isAfter(task.availableTo()))) {
            return "outside_window";
        }
        for (Done d : earlier) {
            switch (task.frequency()) {
                case DAILY -> {
                    if (d.on().equals(doneOn)) {
                        return "already_done_today";
                    }
                }
                case WEEKLY -> {
                    if (sameWeek(d.on(), doneOn)) {
                        return "already_done_this_week";
                    }
                }
                case ONCE -> {
                    if (d.term().equals(term)) {
                        return "already_done";
                    }
                }
            }
        }
        return null;
    }

    static boolean sameWeek(LocalDate a, LocalDate b) {
        return a.get(IsoFields.WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_BASED_YEAR)
                && a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
