package org.zhsz.access;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

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

    private final AuditQueries queries;
    private final AccessPolicy access;
    private final AuditTrail trail;
    private final OrganizationDirectory organization;
    private final StudentDirectory students;

    AuditController(AuditQueries queries, AccessPolicy access, AuditTrail trail, OrganizationDirectory organization,
                    StudentDirectory students) {
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

    @GetMapping("/audit/events")
    Mono<PageResult<AuditQueries.EventView>> events(Actor actor, @RequestParam(required = false) String studentId,
                                       @RequestParam(required = false) String actorUsername,
                                       @RequestParam(required = false) String action,
                                       @RequestParam(required = false) Instant from,
                                       @RequestParam(required = false) Instant to,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return auditorChains(actor)
                .flatMap(chains -> queries.events(new AuditQueries.Filter(chains, studentId, actorUsername, action,
                        from, to), paging));
    }

    @GetMapping("/audit/verify")
    Mono<AuditQueries.Verification> verify(Actor actor) {
        return auditorChains(actor).flatMap(queries::verify)
                .flatMap(v -> trail.record(AuditEvent.allowed(actor, "audit.verify", "audit", null, null, null)
                        .withReason(v.intact() ? "intact" : "broken")).thenReturn(v));
    }

    record AccessEntry(Instant at, String role, String name, String action, String dataClass, String reason) {
    }

    @GetMapping("/students/{id}/access-log")
    Mono<PageResult<AccessEntry>> accessLog(Actor actor, @PathVariable String id,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return access.require(actor, id, DataClass.ACCESS_LOG, Action.READ)
                .flatMap(scope -> familyAccounts(scope).flatMap(family -> queries.accessLog(id, family, paging)))
                .map(p -> p.map(e -> new AccessEntry(e.at(), e.role(), e.actorName(), e.action(), e.dataClass(),
                        e.reason())));
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
