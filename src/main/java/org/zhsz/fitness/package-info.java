/**
 * Physical fitness: the 《国家学生体质健康标准（2014年修订）》 scorer ({@link org.zhsz.fitness.FitnessScorer}), which
 * loads the standard's tables from CSV, and in time test results, their import, national-format export and
 * statistics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fitness")
package org.zhsz.fitness;
