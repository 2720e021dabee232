package org.zhsz.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.zhsz.ZhszApplication;

/**
 * The health module's boundaries: it reads students, classes and the access policy, and nothing of fitness,
 * wellbeing, records or archives; fitness reads vision only through health's public API.
 */
class HealthModuleTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ZhszApplication.class);

    static List<String> dependencies(String module) {
        ApplicationModule m = MODULES.getModuleByName(module).orElseThrow();
        return m.getDirectDependencies(MODULES).stream().map(d -> d.getTargetModule().getIdentifier().toString())
                .distinct().toList();
    }

    @Test
    void healthReadsNoOtherFeatureModule() {
        assertThat(dependencies("health")).doesNotContain("fitness", "wellbeing", "record", "archive")
                .contains("student", "organization", "platform");
    }

    @Test
    void fitnessReachesHealthOnlyThroughItsPublicApi() {
        ApplicationModule health = MODULES.getModuleByName("health").orElseThrow();
        assertThat(health.isExposed(HealthQueries.class)).isTrue();
        assertThat(health.isExposed(VisionScreening.class)).isFalse();
        assertThat(dependencies("fitness")).contains("health");
        MODULES.verify();
    }
}
