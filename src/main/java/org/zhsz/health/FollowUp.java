package org.zhsz.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;

/**
 * 因病缺勤追踪: opened by a sick absence with symptoms, extended by the following sick days, open until 复课 is
 * recorded with its date. One open follow-up per student at a time; the id is {@code studentId:openedOn}.
 */
@Document("attendance_follow_ups")
record FollowUp(@Id String id, @Indexed String schoolId, @Indexed String studentId, String classId,
                LocalDate openedOn, List<LocalDate> days, List<String> symptoms, Status status, LocalDate returnedOn,
                String returnNote, String closedBy, Instant closedAt, @Version Long version, Instant createdAt,
                Instant updatedAt) {

    FollowUp {
        days = days == null ? List.of() : List.copyOf(days);
        symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
    }

    enum Status { OPEN, CLOSED }

    static String idOf(String studentId, LocalDate openedOn) {
        return studentId + ":" + openedOn;
    }

    FollowUp withDays(List<LocalDate> newDays, List<String> newSymptoms, Instant at) {
        return new FollowUp(id, schoolId, studentId, classId, openedOn, newDays, newSymptoms, status, returnedOn,
                returnNote, closedBy, closedAt, version, createdAt, at);
    }

    FollowUp closed(LocalDate on, String note, String by, Instant at) {
        return new FollowUp(id, schoolId, studentId, classId, openedOn, days, symptoms, Status.CLOSED, on, note, by,
                at, version, createdAt, at);
    }

    interface Repository extends ReactiveMongoRepository<FollowUp, String> {

        Flux<FollowUp> findByStudentId(String studentId);

        Flux<FollowUp> findBySchoolIdAndStatus(String schoolId, Status status);

        Flux<FollowUp> findBySchoolId(String schoolId);

        Flux<FollowUp> findByStudentIdInAndStatus(Collection<String> studentIds, Status status);
    }
}
