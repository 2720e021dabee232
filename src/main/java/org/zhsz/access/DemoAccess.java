package org.zhsz.access;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhsz.platform.DemoMode;

/** Demo: both schools screen under the county plan's statutory basis (item 4). */
@Component
@Order(30)
class DemoAccess implements ApplicationRunner {

    private final ConsentRegister register;
    private final DemoMode demo;

    DemoAccess(ConsentRegister register, DemoMode demo) {
        this.register = register;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        String reference = "《泾源县教育质量提升行动实施方案》（2023）第四条：开展全体学生心理健康筛查，建立“一人一案”";
        register.ensureSchoolBasis(DemoMode.S1, ConsentRegister.MENTAL_HEALTH_SCREENING, reference)
                .then(register.ensureSchoolBasis(DemoMode.S2, ConsentRegister.MENTAL_HEALTH_SCREENING, reference))
                .block();
    }
}
