package org.zhsz.organization;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;


/** Public read models of the organization module. */
public final class Views {

    private Views() {
    }

    public record RegionView(String id, String name, String bureauName) {
    }

    public record SchoolView(String id, String countyId, String name, String code, SchoolStage stage,
                             String address, Long version) {
    }

    public record TermView(String schoolId, String code, String name, String schoolYear, int semester,
                           LocalDate startDate, LocalDate endDate, boolean current) {
    }

    /**
     * A class as seen in one term: its grade level (1–12) and name ("七年级(1)班") depend on the term.
     */
    public record ClassView(String id, String schoolId, SchoolStage stage, int entryYear, int classNo,
                            String termCode, int gradeLevel, String name, int graduationYear, boolean active,
                            Long version) {
    }

    /** A staff member; {@code active} is false once they have left the school. */
    public record StaffView(String username, String schoolId, String name, Set<String> subjects, boolean active) {
    }

    public record AssignmentView(String id, String schoolId, String termCode, String username, String personName,
                                 AssignmentRole role, @Nullable String classId, @Nullable String subject) {
    }
}
