package org.zhsz.platform;

import java.util.Set;

/** An actor's relationships to a whole class this term (head teacher, PE teacher, school admin, ...). */
public record ClassScope(String classId, String schoolId, String termCode, Set<Relationship> relationships) {

    public ClassScope {
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
