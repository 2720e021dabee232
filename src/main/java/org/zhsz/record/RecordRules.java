package org.zhsz.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.zhsz.platform.FieldError;
import org.zhsz.platform.Relationship;

/**
 * Who may write which dimension, and what a valid record is. Pure; unit-tested.
 * <ul>
 * <li>head teacher and school admin: every dimension;</li>
 * <li>arts teacher: ARTS; labour teacher: LABOUR; PE teacher: PHYSICAL; subject teacher: ACADEMIC;</li>
 * <li>any teacher of the class: MORAL (daily conduct is everyone's business);</li>
 * <li>the student: own records in every dimension except violations, as drafts for review.</li>
 * </ul>
 */
final class RecordRules {

    static final int MAX_TITLE = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final BigDecimal MAX_HOURS = new BigDecimal("200");
    static final Set<String> SEVERITIES = Set.of("MINOR", "MODERATE", "SERIOUS");

    private RecordRules() {
    }

    static Set<Dimension> writable(Set<Relationship> rels) {
        EnumSet<Dimension> dims = EnumSet.noneOf(Dimension.class);
        if (rels.contains(Relationship.HEAD_TEACHER) || rels.contains(Relationship.SCHOOL_ADMIN)) {
            return EnumSet.allOf(Dimension.class);
        }
        if (rels.contains(Relationship.SELF)) {
            dims.addAll(EnumSet.allOf(Dimension.class));
        }
        if (rels.contains(Relationship.ARTS_TEACHER)) {
            dims.add(Dimension.ARTS);
        }
        if (rels.contains(Relationship.LABOUR_TEACHER)) {
            dims.add(Dimension.LABOUR);
        }
        if (rels.contains(Relationship.PE_TEACHER)) {
            dims.add(Dimension.PHYSICAL);
        }
        if (rels.contains(Relationship.SUBJECT_TEACHER)) {
            dims.add(Dimension.ACADEMIC);
        }
        if (rels.contains(Relationship.ARTS_TEACHER) || rels.contains(Relationship.LABOUR_TEACHER)
                || rels.contains(Relationship.PE_TEACHER) || rels.contains(Relationship.SUBJECT_TEACHER)) {
            dims.add(Dimension.MORAL);
        }
        return dims;
    }

    static boolean isStaff(Set<Relationship> rels) {
        return rels.contains(Relationship.HEAD_TEACHER) || rels.contains(Relationship.SCHOOL_ADMIN)
                || rels.contains(Relationship.ARTS_TEACHER) || rels.contains(Relationship.LABOUR_TEACHER)
                || rels.contains(Relationship.PE_TEACHER) || rels.contains(Relationship.SUBJECT_TEACHER);
    }

    /** The fields of a record as written by a client, before any defaults. */
    record Draft(Dimension dimension, String category, String title, String description, LocalDate occurredOn,
                 BigDecimal hours, Level level, String award, String severity, String skill, List<String> evidence) {
    }

    static List<FieldError> validate(Draft d, Category category, LocalDate today, LocalDate earliest) {
        List<FieldError> errors = new ArrayList<>();
        if (d.dimension() == null) {
            errors.add(new FieldError("dimension", "required", "dimension is required"));
        }
        if (category == null) {
            errors.add(FieldError.of("category", "unknown", "field.unknown_category"));
        }
        if (d.title() == null || d.title().isBlank()) {
            errors.add(new FieldError("title", "required", "title is required"));
        } else if (d.title().length() > MAX_TITLE) {
            errors.add(FieldError.of("title", "too_long", "field.max_length", MAX_TITLE));
        }
        if (d.description() != null && d.description().length() > MAX_DESCRIPTION) {
            errors.add(FieldError.of("description", "too_long", "field.max_length", MAX_DESCRIPTION));
        }
        if (d.occurredOn() == null) {
            errors.add(new FieldError("occurredOn", "required", "occurredOn is required"));
        } else if (d.occurredOn().isAfter(today)) {
            errors.add(new FieldError("occurredOn", "in_future", "occurredOn cannot be in the future"));
        } else if (earliest != null && d.occurredOn().isBefore(earliest)) {
            errors.add(new FieldError("occurredOn", "too_old", "occurredOn is before the student's enrolment"));
        }
        if (d.hours() != null) {
            if (d.hours().signum() <= 0 || d.hours().compareTo(MAX_HOURS) > 0 || d.hours().scale() > 1) {
                errors.add(FieldError.of("hours", "out_of_range", "field.hours_range"));
            } else if (category != null && !category.hours()) {
                errors.add(new FieldError("hours", "not_applicable", "this category does not count hours"));
            }
        }
        if (category != null && category.severity()) {
            if (d.severity() == null || !SEVERITIES.contains(d.severity())) {
                errors.add(FieldError.of("severity", "required", "field.required"));
            }
        } else if (d.severity() != null) {
            errors.add(FieldError.of("severity", "not_applicable", "field.severity_only_violations"));
        }
        if (category != null && category.skill() != null) {
            if (d.skill() == null || d.skill().isBlank() || d.skill().length() > 20) {
                errors.add(FieldError.of("skill", "required", "field.skill_required"));
            }
        } else if (d.skill() != null) {
            errors.add(FieldError.of("skill", "not_applicable", "field.skill_only_skills"));
        }
        if (d.award() != null && d.award().length() > 60) {
            errors.add(FieldError.of("award", "too_long", "field.max_length", 60));
        }
        if (d.evidence() != null && d.evidence().size() > Evidence.MAX_PER_RECORD) {
            errors.add(FieldError.of("evidence", "too_many", "field.max_count", Evidence.MAX_PER_RECORD));
        }
        return errors;
    }
}
