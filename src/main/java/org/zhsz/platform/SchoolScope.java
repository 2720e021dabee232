package org.zhsz.platform;

import java.util.Set;

/** An actor's relationships to a whole school this term (school admin, a member of the school, its county). */
public record SchoolScope(String schoolId, String countyId, String termCode, Set<Relationship> relationships) {

    public SchoolScope {
        relationships = Set.copyOf(relationships);
    }

    public boolean is(Relationship r) {
        return relationships.contains(r);
    }
}
