package org.zhsz.access;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Role;
import org.zhsz.student.StudentView;

import reactor.core.publisher.Mono;

/**
 * Who am I: the actor as the platform understands them, and what they may do ({@code permissions}, computed by
 * the access policy), for the web app to build its menus and buttons.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final OrganizationDirectory organization;
    private final RelationshipResolver resolver;
    private final Permissions permissions;

    MeController(OrganizationDirectory organization, RelationshipResolver resolver, Permissions permissions) {
        this.organization = organization;
        this.resolver = resolver;
        this.permissions = permissions;
    }

    record Child(String studentId, String name, String classId, String className, String schoolId) {
    }

    record Me(String username, String name, Set<String> roles, @Nullable String schoolId, @Nullable String schoolName,
              @Nullable String countyId,
              @Nullable String termCode, @Nullable String termName, @Nullable String studentId,
              @Nullable String studentName, @Nullable String classId,
              @Nullable String className, @Nullable List<Child> children, List<Permissions.Granted> permissions) {
    }

    @GetMapping
    Mono<Me> me(Actor actor) {
        Set<String> roles = new TreeSet<>();
        actor.roles().forEach(r -> roles.add(r.claim()));
        Mono<String[]> school = actor.schoolId() == null ? Mono.just(new String[]{null, null, null})
                : organization.school(actor.schoolId())
                .flatMap(s -> organization.currentTerm(s.id()).map(t -> new String[]{s.name(), t.code(), t.name()}))
                .defaultIfEmpty(new String[]{null, null, null});
        Mono<List<RelationshipResolver.FamilyLink>> family = resolver.family(actor).collectList();
        return Mono.zip(school, family, permissions.of(actor)).flatMap(t -> {
            List<RelationshipResolver.FamilyLink> links = t.getT2();
            Mono<List<Child>> self = reactor.core.publisher.Flux.fromIterable(links)
                    .filter(l -> l.role() == Role.STUDENT).concatMap(l -> child(l.student())).collectList();
            Mono<List<Child>> children = reactor.core.publisher.Flux.fromIterable(links)
                    .filter(l -> l.role() == Role.PARENT).concatMap(l -> child(l.student())).collectList();
            return Mono.zip(self, children).map(c -> {
                String[] sc = t.getT1();
                Child me = c.getT1().isEmpty() ? null : c.getT1().get(0);
                return new Me(actor.username(), actor.displayName(), roles, actor.schoolId(), sc[0],
                        actor.countyId(), sc[1], sc[2], me == null ? null : me.studentId(),
                        me == null ? null : me.name(), me == null ? null : me.classId(),
                        me == null ? null : me.className(), actor.has(Role.PARENT) ? c.getT2() : null, t.getT3());
            });
        });
    }

    private Mono<Child> child(StudentView s) {
        return organization.schoolClassNow(s.classId()).map(ClassView::name).defaultIfEmpty("")
                .map(cn -> new Child(s.id(), s.name(), s.classId(), cn, s.schoolId()));
    }
}
