package org.zhsz.platform;

import java.util.Set;

/** An actor's relationships to a whole school (school admin, school doctor, counselor, county roles, member). */
public record SchoolScope(String schoolId, String countyId, Set<Relationship> relationships) {

    public SchoolScope {
        relationships = Set.copyOf(relationships);
    }

    public boolean is(Relationship r) {
        return relationships.contains(r);
    }
}
