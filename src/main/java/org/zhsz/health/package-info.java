/**
 * Health beyond the fitness test: vision screening (视力筛查) per student and school year, the daily attendance
 * register with 晨午检 symptoms and the follow-up of sick absences until 复课, and their statistics. Other modules
 * read it only through {@link org.zhsz.health.HealthQueries}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health")
package org.zhsz.health;
