package org.zhsz.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import org.zhsz.health.VisionRules.Advice;
import org.zhsz.health.VisionRules.Glasses;

import reactor.core.publisher.Flux;

/**
 * One student's vision screening of one school year (一人一档: the file keeps every year). The id is the business key
 * {@code studentId:schoolYear}, so a year has one screening and a re-import finds it without a lookup. What follows
 * from the values (categories, screening myopia, advice) is stored beside them for statistics and the family view,
 * and recomputed on every save. {@code grade} and {@code classId} are where the student was on the screening date.
 */
@Document("vision_screenings")
record VisionScreening(@Id String id, @Indexed String schoolId, @Indexed String studentId, String classId, int grade,
                       String sex, @Indexed String schoolYear, LocalDate examinedOn, Glasses glasses, EyeRecord left,
                       EyeRecord right, String category, boolean screeningMyopia, Advice advice,
                       List<String> reasons, @Version Long version, Instant createdAt, String createdBy,
                       Instant updatedAt, String updatedBy) {

    VisionScreening {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    record EyeRecord(BigDecimal uncorrected, BigDecimal corrected, BigDecimal sphere, BigDecimal cylinder,
                     Integer axis, String category, BigDecimal sphericalEquivalent, boolean screeningMyopia) {

        VisionRules.Eye measured() {
            return new VisionRules.Eye(uncorrected, corrected, sphere, cylinder, axis);
        }

        static EyeRecord of(VisionRules.Eye e, VisionRules.EyeResult r) {
            return new EyeRecord(e.uncorrected(), e.corrected(), e.sphere(), e.cylinder(), e.axis(), r.category(),
                    r.sphericalEquivalent(), r.screeningMyopia());
        }
    }

    static String idOf(String studentId, String schoolYear) {
        return studentId + ":" + schoolYear;
    }

    VisionRules.Measured measured() {
        return new VisionRules.Measured(examinedOn, glasses, left.measured(), right.measured());
    }

    boolean sameAs(VisionRules.Measured m) {
        return measured().equals(m);
    }

    /** This screening with new values (and what follows from them), keeping its identity, version and creation. */
    VisionScreening with(VisionRules.Measured m, VisionRules.Evaluation e, String placedClassId, int placedGrade,
                         Instant at, String by) {
        return new VisionScreening(id, schoolId, studentId, placedClassId, placedGrade, sex, schoolYear,
                m.examinedOn(), m.glasses(), EyeRecord.of(m.left(), e.left()), EyeRecord.of(m.right(), e.right()),
                e.category(), e.screeningMyopia(), e.advice(), e.reasons(), version, createdAt, createdBy, at, by);
    }

    static VisionScreening create(String schoolId, String studentId, String sex, String schoolYear, Instant at,
                                  String by) {
        return new VisionScreening(idOf(studentId, schoolYear), schoolId, studentId, null, 0, sex, schoolYear, null,
                Glasses.NONE, null, null, null, false, Advice.NONE, List.of(), null, at, by, at, by);
    }

    boolean checkupAdvised() {
        return advice != Advice.NONE;
    }

    interface Repository extends ReactiveMongoRepository<VisionScreening, String> {

        Flux<VisionScreening> findByStudentId(String studentId);

        Flux<VisionScreening> findBySchoolIdAndSchoolYear(String schoolId, String schoolYear);

        Flux<VisionScreening> findBySchoolIdInAndSchoolYearIn(Collection<String> schoolIds,
                                                              Collection<String> schoolYears);
    }
}
