package org.zhsz.access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.zhsz.platform.Actor;
import org.zhsz.platform.Notifications;
import org.zhsz.platform.Role;
import org.zhsz.platform.security.ActorResolver;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One place decides access: code outside the access module never decides by role or by the token's school.
 * It may not ask an actor for its roles ({@code has}, {@code hasAny}, {@code roles}) or whether it is "in" a
 * school, nor touch a {@link Role} value (a constant, a comparison, a switch) — it asks the
 * {@link org.zhsz.platform.AccessPolicy}. Exempt are the classes that model the token itself (Actor, Role,
 * ActorResolver) and the notification inboxes addressed to a role (Notifications); showing a role's name in
 * the audit trail ({@code Role.claim()}) is not a decision.
 */
class AccessArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.zhsz");

    private static final DescribedPredicate<JavaClass> EXEMPT = DescribedPredicate.describe(
            "the token model and the role inboxes", c -> c.isEquivalentTo(Actor.class) || c.isEquivalentTo(Role.class)
                    || c.isEquivalentTo(ActorResolver.class) || c.isEquivalentTo(Notifications.class)
                    || (c.getEnclosingClass().isPresent() && (c.getEnclosingClass().get().isEquivalentTo(Role.class)
                    || c.getEnclosingClass().get().isEquivalentTo(Actor.class))));

    private static final DescribedPredicate<JavaAccess<?>> ASKS_FOR_ROLES = DescribedPredicate.describe(
            "Actor.has/hasAny/roles/inSchool", a -> a.getTarget().getOwner().isEquivalentTo(Actor.class)
                    && java.util.Set.of("has", "hasAny", "roles", "inSchool").contains(a.getTarget().getName()));

    private static final DescribedPredicate<JavaAccess<?>> TOUCHES_A_ROLE = DescribedPredicate.describe(
            "a Role value or method other than claim()", a -> a.getTarget().getOwner().isEquivalentTo(Role.class)
                    && !a.getTarget().getName().equals("claim"));

    static final ArchRule NO_DECISIONS_BY_ROLE_OUTSIDE_ACCESS = noClasses()
            .that().resideOutsideOfPackage("org.zhsz.access..")
            .and(DescribedPredicate.not(EXEMPT))
            .should().accessTargetWhere(ASKS_FOR_ROLES)
            .orShould().accessTargetWhere(TOUCHES_A_ROLE)
            .because("every access decision is made by the access policy (docs/access-model.md)");

    @Test
    void noCodeOutsideAccessDecidesByRole() {
        NO_DECISIONS_BY_ROLE_OUTSIDE_ACCESS.check(CLASSES);
    }
}
