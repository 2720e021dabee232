package org.zhsz.wellbeing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.student.StudentDirectory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Screening statistics: coverage per campaign, band distribution by grade, trend across campaigns — always as
 * aggregates with small cells suppressed. The bureau sees the county; school admins see counts only.
 */
@Service
class WellbeingStats {

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final Screening screening;
    private final Instruments instruments;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;

    WellbeingStats(ReactiveMongoTemplate mongo, Screening screening, Instruments instruments,
                   StudentDirectory students, OrganizationDirectory organization, AccessPolicy access) {
        this.access = access;
        this.mongo = mongo;
        this.screening = screening;
        this.instruments = instruments;
        this.students = students;
        this.organization = organization;
    }

    /** A published table: rows (grades), columns (bands), counts or null where suppressed. */
    record Table(String instrument, List<String> rows, List<String> columns, Integer[][] cells, Integer[] rowTotals) {
    }

    record CampaignStats(String campaignId, String name, LocalDate opensOn, int invited, Map<String, Integer> responded,
                         Map<String, Double> coverage, List<Table> bandsByGrade) {
    }

    Mono<CampaignStats> campaign(Actor actor, String id) {
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH, Action.READ)
                .flatMap(scope -> screening.campaignOfSchool(scope.schoolId(), id))
                .flatMap(this::campaignStats);
    }

    private Mono<CampaignStats> campaignStats(Docs.Campaign c) {
        return Mono.zip(Flux.fromIterable(c.classIds()).flatMap(students::inClass).count(),
                        screening.responsesOf(c.id()).collectList())
                .map(t -> {
                    int invited = t.getT1().intValue();
                    Map<String, Integer> responded = new LinkedHashMap<>();
                    Map<String, Double> coverage = new LinkedHashMap<>();
                    List<Table> tables = new ArrayList<>();
                    for (String code : c.instruments()) {
                        List<Docs.Response> rs = t.getT2().stream().filter(r -> r.instrument().equals(code)).toList();
                        responded.put(code, rs.size());
                        coverage.put(code, invited == 0 ? null : Math.round(1000.0 * rs.size() / invited) / 10.0);
                        tables.add(table(code, rs));
                    }
                    return new CampaignStats(c.id(), c.name(), c.opensOn(), invited, responded, coverage, tables);
                });
    }

    private Table table(String code, List<Docs.Response> rs) {
        Instrument in = instruments.find(code).orElseThrow();
        List<String> bands = in.bands().stream().map(Instrument.Band::code).toList();
        TreeSet<Integer> grades = new TreeSet<>();
        rs.forEach(r -> grades.add(r.gradeLevel()));
        List<Integer> gradeList = new ArrayList<>(grades);
        int[][] counts = new int[gradeList.size()][bands.size()];
        for (Docs.Response r : rs) {
            String band = (String) screening.result(r).get("band");
            counts[gradeList.indexOf(r.gradeLevel())][bands.indexOf(band)]++;
        }
        Integer[] totals = new Integer[gradeList.size()];
        for (int i = 0; i < gradeList.size(); i++) {
            int sum = 0;
            for (int v : counts[i]) {
                sum += v;
            }
            totals[i] = sum < SmallCells.K ? null : sum;
        }
        return new Table(code, gradeList.stream().map(org.zhsz.organization.SchoolStage::gradeName).toList(), bands,
                SmallCells.suppress(counts, SmallCells.K), totals);
    }

    record TrendPoint(String campaignId, String name, LocalDate opensOn, String instrument, @Nullable Integer responded,
                      Map<String, Double> bandShare) {
    }

    Mono<List<TrendPoint>> trend(Actor actor) {
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH, Action.READ)
                .flatMapMany(scope -> mongo.find(Query.query(Criteria.where("schoolId").is(scope.schoolId()))
                        .with(Sort.by("opensOn")), Docs.Campaign.class))
                .concatMap(c -> screening.responsesOf(c.id()).collectList().flatMapMany(rs -> Flux.fromIterable(
                        c.instruments()).map(code -> {
                            List<Docs.Response> mine = rs.stream().filter(r -> r.instrument().equals(code)).toList();
                            Map<String, Double> share = new LinkedHashMap<>();
                            if (mine.size() >= SmallCells.K) {
                                Map<String, Integer> n = new LinkedHashMap<>();
                                for (Docs.Response r : mine) {
                                    n.merge((String) screening.result(r).get("band"), 1, Integer::sum);
                                }
                                instruments.find(code).orElseThrow().bands().forEach(b -> {
                                    int k = n.getOrDefault(b.code(), 0);
                                    share.put(b.code(), k > 0 && k < SmallCells.K ? null
                                            : Math.round(1000.0 * k / mine.size()) / 10.0);
                                });
                            }
                            return new TrendPoint(c.id(), c.name(), c.opensOn(), code,
                                    mine.size() < SmallCells.K ? null : mine.size(), share);
                        })))
                .collectList();
    }

    record SchoolCounts(String schoolId, long campaigns, @Nullable Long responses, @Nullable Long activePlans,
                        @Nullable Long openAlerts) {
    }

    /** School admins: counts only (under 5 suppressed), never who or what. */
    Mono<SchoolCounts> schoolCounts(Actor actor) {
        return access.requireOwnSchool(actor, DataClass.MENTAL_HEALTH_STATS, Action.READ)
                .flatMap(scope -> counts(scope.schoolId()));
    }

    private Mono<SchoolCounts> counts(String schoolId) {
        Criteria school = Criteria.where("schoolId").is(schoolId);
        return Mono.zip(mongo.count(Query.query(school), Docs.Campaign.class),
                        mongo.count(Query.query(school), Docs.Response.class),
                        mongo.count(Query.query(Criteria.where("schoolId").is(schoolId).and("status").is("ACTIVE")),
                                Docs.Plan.class),
                        mongo.count(Query.query(Criteria.where("schoolId").is(schoolId).and("acknowledgedAt")
                                .is(null)), Docs.Alert.class))
                .map(t -> new SchoolCounts(schoolId, t.getT1(), k(t.getT2()), k(t.getT3()), k(t.getT4())));
    }

    private static Long k(long n) {
        return n > 0 && n < SmallCells.K ? null : n;
    }

    record CountyStats(String countyId, List<SchoolCounts> schools, List<CampaignStats> campaigns) {
    }

    /** The bureau: per school counts and per campaign coverage and band tables, all k-suppressed. */
    Mono<CountyStats> county(Actor actor) {
        return access.requireOwnCounty(actor, DataClass.COUNTY_STATS, Action.READ).flatMap(scope -> organization
                .schoolsOfCounty(scope.countyId()).collectList().flatMap(schools -> Mono.zip(
                        Flux.fromIterable(schools).concatMap(s -> counts(s.id())).collectList(),
                        Flux.fromIterable(schools).concatMap(s -> mongo.find(Query.query(Criteria.where("schoolId")
                                .is(s.id())), Docs.Campaign.class)).concatMap(this::campaignStats).collectList()))
                .map(t -> new CountyStats(scope.countyId(), t.getT1(), t.getT2())));
    }
}
