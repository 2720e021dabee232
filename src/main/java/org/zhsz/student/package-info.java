/**
 * Students (全国学籍号, name, sex, birth date, ethnicity, class, status, class history), their guardians, and
 * the roster import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Student")
package org.zhsz.student;
