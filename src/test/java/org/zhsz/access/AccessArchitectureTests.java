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
 * {@link org.zhsz.platform.AccessPolicy}. Exempt from the second part are the classes that model the token itself
 * (Actor, Role, ActorResolver), the notification inboxes addressed to a role (Notifications) and account
 * provisioning, which hands realm roles to new Keycloak accounts (UserAccounts, platform.identity, StaffAccounts,
 * StudentAccounts: the new account's roles as data, never the caller's) and demo data acting as the demo users
 * (DemoFamily's demo parent confirming a home task); showing a role's name
 * ({@code Role.claim()}) is not a decision.
 */
class AccessArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.zhsz");

    private static final DescribedPredicate<JavaClass> TOKEN_MODEL = DescribedPredicate.describe(
            "the token model and the role inboxes", c -> is(c, Actor.class) || is(c, Role.class)
                    || is(c, ActorResolver.class) || is(c, Notifications.class));

    private static final DescribedPredicate<JavaClass> PROVISIONING = DescribedPredicate.describe(
            "account provisioning", c -> c.getPackageName().equals("org.zhsz.platform.identity")
                    || named(c, "org.zhsz.platform.UserAccounts") || named(c, "org.zhsz.organization.StaffAccounts")
                    || named(c, "org.zhsz.student.StudentAccounts"));

    /** Demo data that acts as the demo users (e.g. a demo parent confirming a home task): their roles as data. */
    private static final DescribedPredicate<JavaClass> DEMO_DATA = DescribedPredicate.describe(
            "demo data playing the demo users", c -> c.getSimpleName().startsWith("Demo")
                    && c.getPackageName().startsWith("org.zhsz."));

    /** The class or a class nested in it. */
    private static boolean is(JavaClass c, Class<?> type) {
        return c.isEquivalentTo(type) || c.getEnclosingClass().map(e -> is(e, type)).orElse(false);
    }

    private static boolean named(JavaClass c, String name) {
        return c.getName().equals(name) || c.getEnclosingClass().map(e -> named(e, name)).orElse(false);
    }

    private static final DescribedPredicate<JavaAccess<?>> ASKS_FOR_ROLES = DescribedPredicate.describe(
            "Actor.has/hasAny/roles/inSchool", a -> a.getTarget().getOwner().isEquivalentTo(Actor.class)
                    && java.util.Set.of("has", "hasAny", "roles", "inSchool").contains(a.getTarget().getName()));

    private static final DescribedPredicate<JavaAccess<?>> TOUCHES_A_ROLE = DescribedPredicate.describe(
            "a Role value or method other than claim()", a -> a.getTarget().getOwner().isEquivalentTo(Role.class)
                    && !a.getTarget().getName().equals("claim"));

    static final ArchRule NO_QUESTIONS_ABOUT_THE_CALLERS_ROLES = noClasses()
            .that().resideOutsideOfPackage("org.zhsz.access..")
            .and(DescribedPredicate.not(TOKEN_MODEL))
            .should().accessTargetWhere(ASKS_FOR_ROLES)
            .because("every access decision is made by the access policy (docs/access-model.md)");

    static final ArchRule NO_ROLE_VALUES_OUTSIDE_ACCESS = noClasses()
            .that().resideOutsideOfPackage("org.zhsz.access..")
            .and(DescribedPredicate.not(TOKEN_MODEL)).and(DescribedPredicate.not(PROVISIONING))
            .and(DescribedPredicate.not(DEMO_DATA))
            .should().accessTargetWhere(TOUCHES_A_ROLE)
            .because("every access decision is made by the access policy (docs/access-model.md)");

    @Test
    void noCodeOutsideAccessAsksForTheCallersRoles() {
        NO_QUESTIONS_ABOUT_THE_CALLERS_ROLES.check(CLASSES);
    }

    @Test
    void noCodeOutsideAccessComparesRoles() {
        NO_ROLE_VALUES_OUTSIDE_ACCESS.check(CLASSES);
    }
}
