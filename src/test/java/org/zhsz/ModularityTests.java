package org.zhsz;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(ZhszApplication.class).verify();
    }

    @Test
    void recordAndArchiveNeverReachWellbeing() {
        ApplicationModules modules = ApplicationModules.of(ZhszApplication.class);
        for (String name : new String[]{"record", "archive"}) {
            var m = modules.getModuleByName(name).orElseThrow();
            org.assertj.core.api.Assertions
                    .assertThat(m.getBootstrapDependencies(modules).map(d -> d.getIdentifier().toString()).toList())
                    .as(name + " must not depend on wellbeing").doesNotContain("wellbeing");
            org.assertj.core.api.Assertions
                    .assertThat(m.getDirectDependencies(modules).stream()
                            .map(d -> d.getTargetModule().getIdentifier().toString()).toList())
                    .as(name + " must not depend on wellbeing").doesNotContain("wellbeing");
        }
    }

    /**
     * Wellbeing data stays in wellbeing: no module but insight depends on it at all, and insight only on the plain
     * "needs attention" flag ({@code AttentionFlags}: yes or no and a date) and the county report's counts
     * ({@code ScreeningCoverage}), never on a type that carries content.
     */
    @Test
    void onlyInsightReadsWellbeingAndOnlyItsFlag() {
        ApplicationModules modules = ApplicationModules.of(ZhszApplication.class);
        modules.forEach(m -> {
            if (m.getIdentifier().toString().equals("wellbeing")) {
                return;
            }
            var deps = m.getDirectDependencies(modules).stream()
                    .filter(d -> d.getTargetModule().getIdentifier().toString().equals("wellbeing")).toList();
            if (!m.getIdentifier().toString().equals("insight")) {
                org.assertj.core.api.Assertions.assertThat(deps).as(m.getIdentifier() + " must not depend on wellbeing")
                        .isEmpty();
            }
        });
        com.tngtech.archunit.core.domain.JavaClasses insight = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importPackages("org.zhsz.insight");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage("org.zhsz.insight..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a wellbeing type other than AttentionFlags and ScreeningCoverage",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.zhsz.wellbeing")
                                && !c.getName().startsWith("org.zhsz.wellbeing.AttentionFlags")
                                && !c.getName().startsWith("org.zhsz.wellbeing.ScreeningCoverage")))
                .check(insight);
        // and the flag itself carries a student id and a date, nothing more
        org.assertj.core.api.Assertions.assertThat(java.util.Arrays.stream(
                        org.zhsz.wellbeing.AttentionFlags.Flag.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList()).containsExactly("studentId", "since");
        // and the county report's coverage is three counts, nothing that names a student
        org.assertj.core.api.Assertions.assertThat(java.util.Arrays.stream(
                        org.zhsz.wellbeing.ScreeningCoverage.Counts.class.getRecordComponents())
                .map(c -> c.getName() + ":" + c.getType()).toList())
                .containsExactly("screened:long", "referred:long", "followedUp:long");
    }
}
