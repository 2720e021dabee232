package org.zhsz.student;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface StudentRepository extends ReactiveMongoRepository<Student, String> {

    Mono<Student> findByStudentNo(String studentNo);

    Flux<Student> findByStudentNoIn(java.util.Collection<String> studentNos);

    Mono<Student> findByUsername(String username);

    Flux<Student> findByClassId(String classId);

    Flux<Student> findBySchoolId(String schoolId);

    Flux<Student> findByGuardiansUsername(String username);
}
