package org.zhsz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;

/** The schemas of records: required unless {@code @Nullable}, nested ones named {@code Outer.Inner}. */
class RecordSchemasTests {

    record Person(String username, @Nullable String name) {
    }

    record Entry(String id, java.time.@Nullable Instant readAt, @Nullable Person by, List<Person> readers,
                 int count, @Nullable Integer score, String @Nullable [] tags, Instant sentAt) {
    }

    record AllOptional(@Nullable String note) {
    }

    static final class Other {
        record Person(String id) {
        }
    }

    static final class Holder {
        record Entry(String id) {
        }
    }

    private static Map<String, Schema> read(Class<?>... types) {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(new ModelResolver(Json31.mapper(), new RecordSchemas.Names()).openapi31(true));
        converters.addConverter(new RecordSchemas());
        Map<String, Schema> all = new java.util.TreeMap<>();
        for (Class<?> type : types) {
            all.putAll(converters.readAll(type));
        }
        return all;
    }

    @Test
    void everyComponentButTheNullableOnesIsRequired() {
        Map<String, Schema> schemas = read(Entry.class);
        assertThat(schemas).containsOnlyKeys("RecordSchemasTests.Entry", "RecordSchemasTests.Person");
        assertThat(schemas.get("RecordSchemasTests.Entry").getRequired())
                .containsExactlyInAnyOrder("id", "readers", "count", "sentAt");
        assertThat(schemas.get("RecordSchemasTests.Entry").getProperties())
                .containsKeys("readAt", "by", "score", "tags");
        // a record reached only through another one's component gets the same treatment
        assertThat(schemas.get("RecordSchemasTests.Person").getRequired()).containsExactly("username");
    }

    @Test
    void aRecordWhoseComponentsAreAllNullableRequiresNothing() {
        assertThat(read(AllOptional.class).get("RecordSchemasTests.AllOptional").getRequired()).isNullOrEmpty();
    }

    @Test
    void recordsOfTheSameSimpleNameKeepTheirOwnSchemas() {
        Map<String, Schema> schemas = read(Person.class, Other.Person.class);
        assertThat(schemas).containsOnlyKeys("RecordSchemasTests.Person", "RecordSchemasTests.Other.Person");
        assertThat(schemas.get("RecordSchemasTests.Other.Person").getProperties()).containsOnlyKeys("id");
        assertThat(read(Entry.class, Holder.Entry.class)).containsKeys("RecordSchemasTests.Entry",
                "RecordSchemasTests.Holder.Entry");
    }

    @Test
    void twoTypesThatWouldShareANameAreRefused() {
        RecordSchemas.Names names = new RecordSchemas.Names();
        assertThat(names.getNameOfClass(Person.class)).isEqualTo("RecordSchemasTests.Person");
        assertThat(names.getNameOfClass(Person.class)).isEqualTo("RecordSchemasTests.Person");
        assertThatThrownBy(() -> names.getNameOfClass(org.zhsz.platform.web.other.RecordSchemasTests.Person.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RecordSchemasTests.Person");
    }
}
