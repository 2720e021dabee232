package org.zhsz.student;

/** 学籍状态 */
public enum StudentStatus {
    ENROLLED, SUSPENDED, TRANSFERRED_OUT, GRADUATED
}
