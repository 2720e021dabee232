/**
 * 写实记录: conduct, academic, physical, arts, labour and social-practice records with evidence, student
 * self-reports and their review, batch entry, timelines and class overviews, skills and labour hours.
 * Never reaches the wellbeing module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records")
package org.zhsz.record;
