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
 * One class's register of one school day (id {@code classId:date}): only the exceptions are stored, everyone else
 * of the class was present. Registering the day again replaces the absences (晨检 in the morning, a noon update after
 * 午检). {@code members} is the class size when registered, for rates.
 */
@Document("attendance_days")
record AttendanceDay(@Id String id, @Indexed String schoolId, @Indexed String classId, @Indexed LocalDate date,
                     String termCode, int members, List<Absence> absences, Instant firstRegisteredAt,
                     Instant registeredAt, String registeredBy, @Version Long version) {

    AttendanceDay {
        absences = absences == null ? List.of() : List.copyOf(absences);
    }

    enum Type { SICK, PERSONAL, OTHER }

    /** 因病 / 事假 / 其他; symptoms (codes of {@link Symptoms}) only for SICK. */
    record Absence(String studentId, Type type, List<String> symptoms, String note) {
        Absence {
            symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
        }

        boolean sickWithSymptoms() {
            return type == Type.SICK && !symptoms.isEmpty();
        }
    }

    static String idOf(String classId, LocalDate date) {
        return classId + ":" + date;
    }

    Absence absenceOf(String studentId) {
        for (Absence a : absences) {
            if (a.studentId().equals(studentId)) {
                return a;
            }
        }
        return null;
    }

    interface Repository extends ReactiveMongoRepository<AttendanceDay, String> {

        Flux<AttendanceDay> findBySchoolIdAndDate(String schoolId, LocalDate date);

        /** Exclusive at both ends, as Spring Data reads "Between": use {@link #ofClasses}. */
        Flux<AttendanceDay> findByClassIdInAndDateBetween(Collection<String> classIds, LocalDate after,
                                                          LocalDate before);

        Flux<AttendanceDay> findBySchoolIdInAndDateBetween(Collection<String> schoolIds, LocalDate after,
                                                           LocalDate before);

        /** The classes' registers from {@code from} to {@code to}, both included. */
        default Flux<AttendanceDay> ofClasses(Collection<String> classIds, LocalDate from, LocalDate to) {
            return findByClassIdInAndDateBetween(classIds, from.minusDays(1), to.plusDays(1));
        }

        /** The schools' registers from {@code from} to {@code to}, both included. */
        default Flux<AttendanceDay> ofSchools(Collection<String> schoolIds, LocalDate from, LocalDate to) {
            return findBySchoolIdInAndDateBetween(schoolIds, from.minusDays(1), to.plusDays(1));
        }
    }
}
