package org.zhsz.platform.web.other;

/** A type whose schema name would clash with one in org.zhsz.platform.web (see that package's RecordSchemasTests). */
public final class RecordSchemasTests {

    private RecordSchemasTests() {
    }

    /** Same simple names as org.zhsz.platform.web.RecordSchemasTests.Person. */
    public record Person(String id) {
    }
}
