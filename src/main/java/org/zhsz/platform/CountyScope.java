package org.zhsz.platform;

import java.util.Set;

/** An actor's relationships to their county (bureau, auditor): aggregates only, never a student's data. */
public record CountyScope(String countyId, Set<Relationship> relationships) {

    public CountyScope {
        relationships = Set.copyOf(relationships);
    }
}
