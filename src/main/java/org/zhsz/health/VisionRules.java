package org.zhsz.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.zhsz.platform.FieldError;

/**
 * Vision screening rules, without Spring: reading and checking what a screener sends (five-point values in steps of
 * 0.1 within 3.0–5.3, sphere and cylinder in steps of 0.25 D, axis 0–180°, only the uncorrected value required per
 * eye) and what follows from it (category per eye and overall, screening myopia, advice), all from
 * {@link VisionStandard}.
 */
final class VisionRules {

    enum Glasses { NONE, FRAME, CONTACT, ORTHO_K }

    /** 复查 (recheck within three months) or 就医 (see an eye doctor); NONE when the result is normal. */
    enum Advice { NONE, RECHECK, SEE_DOCTOR }

    /** One eye as the API or a sheet sends it: numbers, or text that should be numbers. */
    record EyeInput(@Nullable Object uncorrected, @Nullable Object corrected, @Nullable Object sphere,
                    @Nullable Object cylinder, @Nullable Object axis) {
    }

    /** A screening as sent: {@code examinedOn} as an ISO date, {@code glasses} NONE|FRAME|CONTACT|ORTHO_K. */
    record VisionInput(@Nullable String examinedOn, @Nullable String glasses, @Nullable EyeInput left,
                       @Nullable EyeInput right) {
    }

    /** One eye as measured, at the recorded precision (0.1 and 0.25 D). */
    record Eye(BigDecimal uncorrected, BigDecimal corrected, BigDecimal sphere, BigDecimal cylinder, Integer axis) {
    }

    record Measured(LocalDate examinedOn, Glasses glasses, Eye left, Eye right) {
    }

    record EyeResult(String category, BigDecimal sphericalEquivalent, boolean screeningMyopia) {
    }

    record Evaluation(EyeResult left, EyeResult right, String category, boolean screeningMyopia, Advice advice,
                      List<String> reasons) {
    }

    /** Either the measured values or the field errors (never both). */
    record Checked(Measured measured, List<FieldError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private static final BigDecimal TENTH = new BigDecimal("0.1");
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final VisionStandard standard;

    VisionRules(VisionStandard standard) {
        this.standard = standard;
    }

    /**
     * Checks a screening of school year {@code year} (e.g. 2026-2027). A missing date means {@code today} when it
     * lies in the year (else it is required); a date outside the year or in the future is refused.
     */
    Checked check(VisionInput in, String year, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            return new Checked(null, List.of(new FieldError("left", "required", "required")));
        }
        LocalDate examinedOn = null;
        if (in.examinedOn() == null || in.examinedOn().isBlank()) {
            if (SchoolYearSpan.contains(year, today)) {
                examinedOn = today;
            } else {
                errors.add(new FieldError("examinedOn", "required", "the screening date is required"));
            }
        } else {
            examinedOn = parseDate(in.examinedOn());
            if (examinedOn == null) {
                errors.add(new FieldError("examinedOn", "invalid_date", "not a date (2026-10-12)"));
            } else if (!SchoolYearSpan.contains(year, examinedOn)) {
                errors.add(new FieldError("examinedOn", "date_outside_year", "the date must lie in school year "
                        + year));
            } else if (examinedOn.isAfter(today)) {
                errors.add(new FieldError("examinedOn", "date_in_future", "the date is in the future"));
            }
        }
        Glasses glasses = Glasses.NONE;
        if (in.glasses() != null && !in.glasses().isBlank()) {
            glasses = glasses(in.glasses());
            if (glasses == null) {
                errors.add(new FieldError("glasses", "unknown_value", "NONE, FRAME, CONTACT or ORTHO_K"));
            }
        }
        Eye left = eye("left", in.left(), errors);
        Eye right = eye("right", in.right(), errors);
        if (!errors.isEmpty()) {
            return new Checked(null, List.copyOf(errors));
        }
        return new Checked(new Measured(examinedOn, glasses, left, right), List.of());
    }

    private Eye eye(String side, EyeInput in, List<FieldError> errors) {
        if (in == null) {
            errors.add(new FieldError(side + ".uncorrected", "required", "the uncorrected vision is required"));
            return null;
        }
        int before = errors.size();
        BigDecimal uncorrected = fivePoint(side + ".uncorrected", in.uncorrected(), true, errors);
        BigDecimal corrected = fivePoint(side + ".corrected", in.corrected(), false, errors);
        BigDecimal sphere = dioptre(side + ".sphere", in.sphere(), standard.input("sphere"), "sphere_out_of_range",
                errors);
        BigDecimal cylinder = dioptre(side + ".cylinder", in.cylinder(), standard.input("cylinder"),
                "cylinder_out_of_range", errors);
        Integer axis = axis(side + ".axis", in.axis(), errors);
        return errors.size() > before ? null : new Eye(uncorrected, corrected, sphere, cylinder, axis);
    }

    private BigDecimal fivePoint(String field, Object raw, boolean required, List<FieldError> errors) {
        BigDecimal v = number(field, raw, errors);
        if (v == null) {
            if (required && !hasText(raw)) {
                errors.add(new FieldError(field, "required", "required"));
            }
            return null;
        }
        if (!standard.input("five_point").contains(v)) {
            errors.add(new FieldError(field, "vision_out_of_range", "five-point vision must be 3.0–5.3"));
            return null;
        }
        if (!multipleOf(v, TENTH)) {
            errors.add(new FieldError(field, "vision_step", "five-point vision is recorded to 0.1"));
            return null;
        }
        return v.setScale(1, RoundingMode.UNNECESSARY);
    }

    private BigDecimal dioptre(String field, Object raw, VisionStandard.Range range, String rangeCode,
                               List<FieldError> errors) {
        BigDecimal v = number(field, raw, errors);
        if (v == null) {
            return null;
        }
        if (!range.contains(v)) {
            errors.add(new FieldError(field, rangeCode, "must be " + range.min() + " to " + range.max() + " D"));
            return null;
        }
        if (!multipleOf(v, QUARTER)) {
            errors.add(new FieldError(field, "dioptre_step", "dioptres are recorded in steps of 0.25"));
            return null;
        }
        return v.setScale(2, RoundingMode.UNNECESSARY);
    }

    private Integer axis(String field, Object raw, List<FieldError> errors) {
        BigDecimal v = number(field, raw, errors);
        if (v == null) {
            return null;
        }
        if (!standard.input("axis").contains(v) || v.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(field, "axis_out_of_range", "the axis is a whole number of degrees 0–180"));
            return null;
        }
        return v.intValueExact();
    }

    /** A number, numeric text ("-1.25", "+0.50", "−0.75"), or null when blank; a 422 error otherwise. */
    private static BigDecimal number(String field, Object raw, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof BigDecimal b) {
            return b;
        }
        if (raw instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        String s = raw.toString().trim().replace('−', '-').replace('－', '-').replace('＋', '+')
                .replace('．', '.');
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "not_a_number", "must be a number"));
            return null;
        }
    }

    private static boolean hasText(Object raw) {
        return raw != null && !raw.toString().isBlank();
    }

    private static boolean multipleOf(BigDecimal v, BigDecimal step) {
        return v.remainder(step).compareTo(BigDecimal.ZERO) == 0;
    }

    static Glasses glasses(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "NONE", "无", "否", "不戴", "不戴镜" -> Glasses.NONE;
            case "FRAME", "框架眼镜", "框架镜" -> Glasses.FRAME;
            case "CONTACT", "隐形眼镜" -> Glasses.CONTACT;
            case "ORTHO_K", "ORTHO-K", "OK镜", "角膜塑形镜" -> Glasses.ORTHO_K;
            default -> null;
        };
    }

    /** 2026-10-12, 2026/10/12, 2026.10.12, 2026年10月12日 or 20261012; null when unreadable. */
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile(
            "(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");

    static LocalDate parseDate(String text) {
        String t = text.trim();
        try {
            java.util.regex.Matcher m = DATE.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (t.matches("\\d{8}")) {
                return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                        Integer.parseInt(t.substring(6)));
            }
            return LocalDate.parse(t);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ results

    EyeResult evaluate(Eye eye) {
        String category = standard.category(eye.uncorrected());
        BigDecimal se = null;
        if (eye.sphere() != null) {
            // SE = S + C/2; halving a multiple of 0.25 is exact (-0.125 when C = -0.25)
            se = eye.sphere().add(eye.cylinder() == null ? BigDecimal.ZERO : eye.cylinder().divide(TWO));
            if (se.scale() < 2) {
                se = se.setScale(2, RoundingMode.UNNECESSARY);
            }
        }
        return new EyeResult(category, se, standard.screeningMyopia(eye.uncorrected(), se));
    }

    Evaluation evaluate(Measured m) {
        EyeResult l = evaluate(m.left());
        EyeResult r = evaluate(m.right());
        String worse = standard.severity(l.category()) >= standard.severity(r.category()) ? l.category()
                : r.category();
        boolean myopia = l.screeningMyopia() || r.screeningMyopia();
        List<String> reasons = new ArrayList<>();
        if (myopia) {
            reasons.add("screening_myopia");
        }
        int severity = standard.severity(worse);
        if (severity > 0) {
            reasons.add(worse);
        }
        if (m.glasses() != Glasses.NONE && m.glasses() != Glasses.ORTHO_K
                && (below(m.left().corrected()) || below(m.right().corrected()))) {
            reasons.add("corrected_below_normal");
        }
        if (m.glasses() == Glasses.ORTHO_K) {
            reasons.add("ortho_k");
        }
        Advice advice = Advice.NONE;
        if (myopia || severity >= 2 || reasons.contains("corrected_below_normal")) {
            advice = Advice.SEE_DOCTOR;
        } else if (severity == 1 || reasons.contains("ortho_k")) {
            advice = Advice.RECHECK;
        }
        return new Evaluation(l, r, worse, myopia, advice, List.copyOf(reasons));
    }

    private boolean below(BigDecimal corrected) {
        return corrected != null && corrected.compareTo(standard.normalFrom()) < 0;
    }
}
