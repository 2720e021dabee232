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
}
