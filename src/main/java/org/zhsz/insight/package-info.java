/**
 * Insight across the modules: the early warning (学生预警) of a class and a school, the growth portrait (五育成长画像)
 * of a student, and the county's figures against the plan's targets. It reads other modules only through their
 * public APIs (never their repositories) and stores nothing; of wellbeing it reads only the plain "needs attention"
 * flag ({@link org.zhsz.wellbeing.AttentionFlags}), never content. Rules, weights, levels and targets are data files
 * under {@code src/main/resources/insight/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.zhsz.insight;
