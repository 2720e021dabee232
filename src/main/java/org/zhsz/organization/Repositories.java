package org.zhsz.organization;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import org.zhsz.organization.Documents.Assignment;
import org.zhsz.organization.Documents.Region;
import org.zhsz.organization.Documents.School;
import org.zhsz.organization.Documents.SchoolClass;
import org.zhsz.organization.Documents.Staff;
import org.zhsz.organization.Documents.Term;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

final class Repositories {

    private Repositories() {
    }

    interface Regions extends ReactiveMongoRepository<Region, String> {
    }

    interface Schools extends ReactiveMongoRepository<School, String> {
        Flux<School> findByCountyId(String countyId);
    }

    interface Terms extends ReactiveMongoRepository<Term, String> {
        Flux<Term> findBySchoolId(String schoolId);

        Mono<Term> findBySchoolIdAndCode(String schoolId, String code);
    }

    interface Classes extends ReactiveMongoRepository<SchoolClass, String> {
        Flux<SchoolClass> findBySchoolId(String schoolId);
    }

    interface StaffMembers extends ReactiveMongoRepository<Staff, String> {
        Flux<Staff> findBySchoolId(String schoolId);
    }

    interface Assignments extends ReactiveMongoRepository<Assignment, String> {
        Flux<Assignment> findBySchoolIdAndTermCode(String schoolId, String termCode);

        Flux<Assignment> findByUsernameAndTermCode(String username, String termCode);

        Flux<Assignment> findByClassIdAndTermCode(String classId, String termCode);
    }
}
