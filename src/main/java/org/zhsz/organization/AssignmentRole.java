package org.zhsz.organization;

/** A teacher's role in a class for a term; COUNSELOR assigns a counselor to the whole school. */
public enum AssignmentRole {
    HEAD_TEACHER, PE, ARTS, LABOUR, SUBJECT, COUNSELOR
}
