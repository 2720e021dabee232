package org.zhsz.student;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.zhsz.platform.LookupCache;

import io.micrometer.core.instrument.MeterRegistry;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Read API of the student module for other modules. A student looked up by id is kept for a few seconds
 * ({@code zhsz.cache.organization-ttl}, as the organization's lookups): every access decision about a student reads
 * the student first, and a record write read it twice. Any write of a student document through Spring Data in this
 * instance drops the cache at once ({@link Invalidation}); writes by another instance are seen within that time.
 */
@Service
public class StudentDirectory {

    private final StudentRepository students;
    private final LookupCache<String, StudentView> byId;

    StudentDirectory(StudentRepository students, @Value("${zhsz.cache.organization-ttl:5s}") Duration cacheTtl,
                     MeterRegistry meters) {
        this.students = students;
        this.byId = LookupCache.of("student.by_id", cacheTtl, 50_000, meters);
    }

    public Mono<StudentView> find(String id) {
        return id == null ? Mono.empty() : byId.get(id, () -> students.findById(id).map(StudentView::of));
    }

    void invalidateCaches() {
        byId.invalidateAll();
    }

    /** Student documents written or deleted (repository, template, batch insert): forget what was kept. */
    @Component
    static class Invalidation extends AbstractMongoEventListener<Student> {
        private final StudentDirectory directory;

        Invalidation(StudentDirectory directory) {
            this.directory = directory;
        }

        @Override
        public void onAfterSave(AfterSaveEvent<Student> event) {
            directory.invalidateCaches();
        }

        @Override
        public void onAfterDelete(AfterDeleteEvent<Student> event) {
            directory.invalidateCaches();
        }
    }

    public Mono<StudentView> findByUsername(String username) {
        return students.findByUsername(username).map(StudentView::of);
    }

    public Mono<StudentView> findByStudentNo(String studentNo) {
        return students.findByStudentNo(studentNo).map(StudentView::of);
    }

    /**
     * The students with these 学籍号 (any school; callers check the school), in no particular order, so bulk
     * imports can resolve a batch of rows at once. Served by the unique 学籍号 index, in queries of at most
     * {@value #IN_CHUNK} numbers: the embedded store re-checks every found document against the whole {@code $in}
     * list, which is quadratic in the list's length.
     */
    public Flux<StudentView> findByStudentNos(java.util.Collection<String> studentNos) {
        return chunks(studentNos).flatMap(c -> students.findByStudentNoIn(c), 2).map(StudentView::of);
    }

    /** The students with these ids, in no particular order; unknown ids are skipped. Chunked as above. */
    public Flux<StudentView> findAll(java.util.Collection<String> ids) {
        return chunks(ids).flatMap(c -> students.findAllById(c), 2).map(StudentView::of);
    }

    static final int IN_CHUNK = 100;

    private static Flux<java.util.List<String>> chunks(java.util.Collection<String> values) {
        java.util.List<String> all = java.util.List.copyOf(new java.util.LinkedHashSet<>(values));
        java.util.List<java.util.List<String>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return Flux.fromIterable(out);
    }

    public Flux<StudentView> childrenOf(String guardianUsername) {
        return students.findByGuardiansUsername(guardianUsername).map(StudentView::of);
    }

    /** Current members of a class, sorted by 学籍号. */
    public Flux<StudentView> inClass(String classId) {
        return students.findByClassId(classId)
                .filter(s -> s.status() == StudentStatus.ENROLLED || s.status() == StudentStatus.SUSPENDED)
                .map(StudentView::of)
                .sort((a, b) -> a.studentNo().compareTo(b.studentNo()));
    }

    public Flux<StudentView> inSchool(String schoolId) {
        return students.findBySchoolId(schoolId).map(StudentView::of);
    }

    /** The class the student was in on a date (from the class history), for records dated in an earlier term. */
    public static String classOn(StudentView s, LocalDate date) {
        for (StudentView.EnrollmentView e : s.enrollments()) {
            if (!date.isBefore(e.from()) && (e.to() == null || !date.isAfter(e.to()))) {
                return e.classId();
            }
        }
        return s.classId();
    }
}
