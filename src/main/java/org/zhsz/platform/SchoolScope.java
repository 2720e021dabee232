package org.zhsz.platform;

import java.util.Set;

/**
 * An actor's standing in one school this term, as the access policy decided it for one data class and action:
 * the school-level relationships, and where in the school the decision holds — the whole school, or only the
 * listed classes (e.g. a head teacher's review queue covers their own classes, a school admin's the school).
 *
 * @param classIds the classes the decision covers when it does not cover the whole school
 */
public record SchoolScope(String schoolId, String countyId, String termCode, Set<Relationship> relationships,
                          boolean wholeSchool, Set<String> classIds) {

    public SchoolScope {
        relationships = Set.copyOf(relationships);
        classIds = Set.copyOf(classIds);
    }

    public boolean is(Relationship r) {
        return relationships.contains(r);
    }

    /** Does the decision cover this class (or, with {@code null}, something that belongs to the school as a whole)? */
    public boolean covers(String classId) {
        return wholeSchool || (classId != null && classIds.contains(classId));
    }
}
