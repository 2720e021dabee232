package org.zhsz.access;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;

interface GrantRepository extends ReactiveMongoRepository<Grant, String> {

    Flux<Grant> findByGranteeAndStudentId(String grantee, String studentId);

    Flux<Grant> findByGrantee(String grantee);

    Flux<Grant> findByStudentId(String studentId);
}
