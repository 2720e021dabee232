package org.zhsz.access;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Role;
import org.zhsz.student.StudentDirectory;

import reactor.core.publisher.Mono;

/** Who am I: the actor as the platform understands them, for the web app to shape its menus. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final StudentDirectory students;
    private final OrganizationDirectory organization;

    MeController(StudentDirectory students, OrganizationDirectory organization) {
        this.students = students;
        this.organization = organization;
    }

    record Child(String studentId, String name, String classId, String className, String schoolId) {
    }

    record Me(String username, String name, Set<String> roles, String schoolId, String schoolName, String countyId,
              String termCode, String termName, String studentId, String studentName, String classId,
              String className, List<Child> children) {
    }

    @GetMapping
    Mono<Me> me(Actor actor) {
        Set<String> roles = new TreeSet<>();
        actor.roles().forEach(r -> roles.add(r.claim()));
        Mono<String[]> school = actor.schoolId() == null ? Mono.just(new String[]{null, null, null})
                : organization.school(actor.schoolId())
                .flatMap(s -> organization.currentTerm(s.id()).map(t -> new String[]{s.name(), t.code(), t.name()}))
                .defaultIfEmpty(new String[]{null, null, null});
        Mono<Child> self = actor.has(Role.STUDENT)
                ? students.findByUsername(actor.username()).flatMap(this::child)
                : Mono.empty();
        Mono<List<Child>> children = actor.has(Role.PARENT)
                ? students.childrenOf(actor.username()).flatMap(this::child).collectList()
                : Mono.just(List.of());
        return Mono.zip(school, self.map(List::of).defaultIfEmpty(List.of()), children).map(t -> {
            String[] sc = t.getT1();
            Child me = t.getT2().isEmpty() ? null : t.getT2().get(0);
            return new Me(actor.username(), actor.displayName(), roles, actor.schoolId(), sc[0], actor.countyId(),
                    sc[1], sc[2], me == null ? null : me.studentId(), me == null ? null : me.name(),
                    me == null ? null : me.classId(), me == null ? null : me.className(),
                    actor.has(Role.PARENT) ? t.getT3() : null);
        });
    }

    private Mono<Child> child(org.zhsz.student.StudentView s) {
        return organization.schoolClassNow(s.classId()).map(ClassView::name).defaultIfEmpty("")
                .map(cn -> new Child(s.id(), s.name(), s.classId(), cn, s.schoolId()));
    }
}
