package org.zhsz.platform;

import java.util.Set;

/**
 * The result of an allowed access check: which student, where they are, and how the actor relates to them.
 *
 * @param termCode the current term of the student's school, e.g. {@code 2026-2027-1}
 */
public record StudentScope(String studentId, String schoolId, String classId, String termCode,
                           Set<Relationship> relationships) {

    public StudentScope {
        relationships = Set.copyOf(relationships);
    }

    public boolean is(Relationship r) {
        return relationships.contains(r);
    }

    public boolean isAny(Relationship... rs) {
        for (Relationship r : rs) {
            if (relationships.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
