package org.zhsz.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored shapes of this module (one collection per aggregate; every document carries schoolId). */
final class Documents {

    private Documents() {
    }

    @Document("regions")
    record Region(@Id String id, String name, String bureauName) {
    }

    @Document("schools")
    record School(@Id String id, String countyId, String name, String code, SchoolStage stage, String address,
                  @Version Long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    @Document("terms")
    @CompoundIndex(name = "school_code", def = "{'schoolId': 1, 'code': 1}", unique = true)
    record Term(@Id String id, String schoolId, String code, LocalDate startDate, LocalDate endDate,
                @Version Long version, Instant createdAt, String createdBy) {
    }

    @Document("classes")
    @CompoundIndex(name = "school_entry_no", def = "{'schoolId': 1, 'stage': 1, 'entryYear': 1, 'classNo': 1}",
            unique = true)
    record SchoolClass(@Id String id, String schoolId, SchoolStage stage, int entryYear, int classNo,
                       boolean active, @Version Long version, Instant createdAt, String createdBy,
                       Instant updatedAt, String updatedBy) {
    }

    /** A staff member; {@code leftOn} is set when they leave the school (their account is disabled then). */
    @Document("staff")
    record Staff(@Id String username, @Indexed String schoolId, String name, Set<String> subjects,
                 @Version Long version, Instant createdAt, String createdBy, LocalDate leftOn) {

        boolean active() {
            return leftOn == null;
        }
    }

    @Document("assignments")
    @CompoundIndex(name = "unique_assignment",
            def = "{'schoolId': 1, 'termCode': 1, 'username': 1, 'classId': 1, 'role': 1, 'subject': 1}",
            unique = true)
    record Assignment(@Id String id, String schoolId, String termCode, String username, AssignmentRole role,
                      String classId, String subject, Instant createdAt, String createdBy) {
    }
}
