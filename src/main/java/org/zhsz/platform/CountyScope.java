package org.zhsz.platform;

import java.util.Set;

/** An actor's relationships to their county (the bureau, the auditor) for county-level aggregates. */
public record CountyScope(String countyId, Set<Relationship> relationships) {

    public CountyScope {
        relationships = Set.copyOf(relationships);
    }
}
