package org.zhsz.wellbeing;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * The second read of wellbeing another module may use (the county report in insight): per school and period, how
 * many students were screened and how many referrals were made and followed up. Counts only — no student, no
 * instrument, no score, no hospital, no outcome. It decides nothing about access and audits nothing: the caller has
 * asked the access policy for the county report first, and publishes the counts k-suppressed.
 */
@Service
public class ScreeningCoverage {

    /**
     * {@code screened}: distinct students with answers in a screening campaign of the school opened in the period;
     * {@code referred}: referrals made in the period; {@code followedUp}: of those, the ones closed or with an
     * outcome recorded.
     */
    public record Counts(long screened, long referred, long followedUp) {
    }

    private final ReactiveMongoTemplate mongo;

    ScreeningCoverage(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The school's counts for campaigns opened and referrals made from {@code from} to {@code to}, both included. */
    public Mono<Counts> ofSchool(String schoolId, LocalDate from, LocalDate to) {
        Mono<Long> screened = mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("opensOn").gte(from)
                        .lte(to)), Docs.Campaign.class)
                .map(Docs.Campaign::id).collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0L)
                        : mongo.find(Query.query(Criteria.where("campaignId").in(ids)), Docs.Response.class)
                        .map(Docs.Response::studentId).distinct().count());
        Mono<List<Docs.Referral>> referrals = mongo.find(Query.query(Criteria.where("schoolId").is(schoolId)
                .and("referredOn").gte(from).lte(to)), Docs.Referral.class).collectList();
        return Mono.zip(screened, referrals).map(t -> new Counts(t.getT1(), t.getT2().size(),
                t.getT2().stream().filter(r -> "CLOSED".equals(r.status()) || r.outcome() != null).count()));
    }
}
