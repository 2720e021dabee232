package org.zhsz.platform;

import java.util.Set;

/** An actor's relationships to a county (its education bureau or auditor), from an allowed county-level decision. */
public record CountyScope(String countyId, Set<Relationship> relationships) {

    public CountyScope {
        relationships = Set.copyOf(relationships);
    }
}
