package org.zhsz.access;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditQueries;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.PageResult;
import org.zhsz.platform.Paging;
import org.zhsz.platform.StudentScope;
import org.zhsz.student.StudentDirectory;

import reactor.core.publisher.Mono;

/**
 * The auditor's view of the trail (filtered events, chain verification) and the families' access log: who
 * (role and name) read or exported the child's sensitive data, and when.
 */
@RestController
@RequestMapping("/api/v1")
class AuditController {

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);

    private final AuditQueries queries;
    private final AccessPolicy access;
    private final AuditTrail trail;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;

    private final AuditTexts texts;
    private final org.zhsz.platform.Messages messages;

    AuditController(AuditQueries queries, AccessPolicy access, AuditTrail trail, OrganizationDirectory organization,
                    StudentDirectory students, AuditTexts texts, org.zhsz.platform.Messages messages) {
        this.texts = texts;
        this.messages = messages;
        this.queries = queries;
        this.access = access;
        this.trail = trail;
        this.organization = organization;
        this.students = students;
    }

    /** The chains of the auditor's county: its schools' and the county-level one. */
    private Mono<Set<String>> auditorChains(Actor actor) {
        return access.requireOwnCounty(actor, DataClass.AUDIT_TRAIL, Action.READ).flatMap(scope -> organization
                .schoolsOfCounty(scope.countyId()).map(s -> s.id()).collectList()).map(ids -> {
            Set<String> chains = new HashSet<>(ids);
            chains.add(AuditQueries.countyChain());
            return chains;
        });
    }

    /**
     * An audit event for the auditor: the stored event (codes, ids, hashes) and what it means for people — the
     * action, role and data class in words, the student's name, a system reason in words.
     */
    record EventEntry(String id, String chain, long seq, Instant at, String username, String actorName, String role,
                      String roleLabel, String action, String actionLabel, String resourceType,
                      @Nullable String resourceId,
                      @Nullable String studentId, @Nullable String studentName, @Nullable String schoolId,
                      String outcome, @Nullable String reasonCode,
                      @Nullable String reason, @Nullable String dataClass, @Nullable String dataClassLabel, String hash) {
    }

    @GetMapping("/audit/events")
    Mono<PageResult<EventEntry>> events(Actor actor, @RequestParam(required = false) String studentId,
                                        @RequestParam(required = false) String actorUsername,
                                        @RequestParam(required = false) String action,
                                        @RequestParam(required = false) Instant from,
                                        @RequestParam(required = false) Instant to,
                                        @RequestParam(required = false) String page,
                                        @RequestParam(required = false) String size, Locale locale) {
        Paging paging = Paging.parse(page, size);
        return auditorChains(actor)
                .flatMap(chains -> queries.events(new AuditQueries.Filter(chains, studentId, actorUsername, action,
                        from, to), paging))
                .flatMap(p -> students.findAll(p.items().stream().map(AuditQueries.EventView::studentId)
                                .filter(java.util.Objects::nonNull).distinct().toList())
                        .collectMap(s -> s.id(), s -> s.name())
                        .map(names -> p.map(e -> new EventEntry(e.id(), e.chain(), e.seq(), e.at(), e.username(),
                                e.actorName(), e.role(), texts.role(locale, e.role()), e.action(),
                                texts.action(locale, e.action()), e.resourceType(), e.resourceId(), e.studentId(),
                                e.studentId() == null ? null : names.get(e.studentId()), e.schoolId(), e.outcome(),
                                texts.reasonCode(e.reason()), texts.reason(locale, e.reason()), e.dataClass(),
                                texts.dataClass(locale, e.dataClass()), e.hash()))));
    }

    /** Every action code the trail may hold, with its text, for the auditor's filter. */
    record ActionOption(String code, String label) {
    }

    @GetMapping("/audit/actions")
    Mono<java.util.List<ActionOption>> actions(Actor actor, Locale locale) {
        return auditorChains(actor).map(chains -> messages.keys("action.").stream()
                .filter(code -> !"other".equals(code))
                .map(code -> new ActionOption(code, texts.action(locale, code)))
                .sorted(java.util.Comparator.comparing(ActionOption::code)).toList());
    }

    @GetMapping("/audit/verify")
    Mono<AuditQueries.Verification> verify(Actor actor, Locale locale) {
        return auditorChains(actor).flatMap(queries::verify)
                .flatMap(v -> trail.record(AuditEvent.allowed(actor, "audit.verify", "audit", null, null, null)
                        .withReason(v.intact() ? "intact" : "broken")).thenReturn(v))
                .map(v -> {
                    AuditQueries.Break b = v.firstBreak();
                    if (b == null) {
                        return v;
                    }
                    // the operators' English description goes to the log, the auditor reads the kind in words
                    log.warn("Audit verification found a break in chain {} (stream {}, seq {}): {}", b.chain(),
                            b.stream(), b.seq(), b.problem());
                    return new AuditQueries.Verification(v.intact(), v.eventsChecked(), v.chains(),
                            new AuditQueries.Break(b.chain(), b.seq(), b.eventId(), b.problemCode(),
                                    messages.text(locale, "audit.break." + b.problemCode(), b.seq(),
                                            b.checkpoint() == null ? "" : b.checkpoint()), b.stream(),
                                    b.checkpoint()),
                            v.sealed(), v.pending(), v.seals(), v.checkpoints(), v.lastCheckpoint());
                });
    }

    /**
     * One line of the family's access log: who (name and role), what (action and data class, as codes and in words),
     * how many times, the first and the last time ({@code at} = the last), and why when a reason was given.
     */
    record AccessEntry(Instant at, Instant firstAt, Instant lastAt, long count, String role, String roleLabel,
                       String name, String action, String actionLabel, String dataClass, String dataClassLabel,
                       @Nullable String reasonCode, @Nullable String reason) {
    }

    @GetMapping("/students/{id}/access-log")
    Mono<PageResult<AccessEntry>> accessLog(Actor actor, @PathVariable String id,
                                            @RequestParam(required = false) String page,
                                            @RequestParam(required = false) String size, Locale locale) {
        Paging paging = Paging.parse(page, size);
        return access.require(actor, id, DataClass.ACCESS_LOG, Action.READ)
                .flatMap(scope -> familyAccounts(scope).flatMap(family -> queries.accessLogGrouped(id, family,
                        paging)))
                .map(p -> p.map(g -> new AccessEntry(g.last(), g.first(), g.last(), g.count(), g.role(),
                        texts.role(locale, g.role()), g.actorName(), g.action(), texts.action(locale, g.action()),
                        g.dataClass(), texts.dataClass(locale, g.dataClass()), texts.reasonCode(g.reason()),
                        texts.reason(locale, g.reason()))));
    }

    /** The family's own reads are not interesting to the family. */
    private Mono<Set<String>> familyAccounts(StudentScope scope) {
        return students.find(scope.studentId()).map(s -> {
            Set<String> users = new HashSet<>();
            if (s.username() != null) {
                users.add(s.username());
            }
            s.guardians().forEach(g -> {
                if (g.username() != null) {
                    users.add(g.username());
                }
            });
            return users;
        }).defaultIfEmpty(Set.of());
    }
}
