package org.zhsz.student;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.zhsz.platform.TtlCache;

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
    private final TtlCache<String, StudentView> byId;

    StudentDirectory(StudentRepository students, @Value("${zhsz.cache.organization-ttl:5s}") Duration cacheTtl) {
        this.students = students;
        this.byId = new TtlCache<>(cacheTtl);
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
     * The students with these 学籍号 (any school; callers check the school). One query per call, served by the
     * unique 学籍号 index, so bulk imports can resolve a batch of rows at once.
     */
    public Flux<StudentView> findByStudentNos(java.util.Collection<String> studentNos) {
        return studentNos.isEmpty() ? Flux.empty() : students.findByStudentNoIn(studentNos).map(StudentView::of);
    }

    /** The students with these ids, in no particular order; unknown ids are skipped. */
    public Flux<StudentView> findAll(java.util.Collection<String> ids) {
        return ids.isEmpty() ? Flux.empty() : students.findAllById(ids).map(StudentView::of);
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
