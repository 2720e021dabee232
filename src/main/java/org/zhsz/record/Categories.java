package org.zhsz.record;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import org.zhsz.platform.LookupCache;

import io.micrometer.core.instrument.MeterRegistry;

import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Record categories are data: defaults from {@code record/categories.json}, replaced per school by a stored list
 * the school admin maintains.
 */
@Component
class Categories {

    private final List<Category> defaults;
    private final ReactiveMongoTemplate mongo;
    private final LookupCache<String, List<Category>> cache;

    Categories(JsonMapper json, ReactiveMongoTemplate mongo,
               @Value("${zhsz.cache.organization-ttl:5s}") Duration cacheTtl, MeterRegistry meters)
            throws IOException {
        this.cache = LookupCache.of("record.categories", cacheTtl, 10_000, meters);
        this.mongo = mongo;
        try (InputStream in = new ClassPathResource("record/categories.json").getInputStream()) {
            List<Map<String, Object>> raw = json.readValue(in, new TypeReference<List<Map<String, Object>>>() { });
            this.defaults = raw.stream().map(Category::of).toList();
        }
    }

    @Document("record_categories")
    record SchoolCategories(@Id String schoolId, List<Category> categories) {
    }

    List<Category> defaults() {
        return defaults;
    }

    /** Read by every record write; kept briefly (as the organization's lookups), dropped on replace here. */
    Mono<List<Category>> of(String schoolId) {
        return cache.get(schoolId, () -> mongo.findById(schoolId, SchoolCategories.class)
                .map(SchoolCategories::categories).defaultIfEmpty(defaults));
    }

    Mono<Category> find(String schoolId, Dimension dimension, String code) {
        return of(schoolId).flatMap(list -> Mono.justOrEmpty(list.stream()
                .filter(c -> c.dimension() == dimension && c.code().equals(code)).findFirst()));
    }

    Mono<List<Category>> replace(String schoolId, List<Category> categories) {
        return mongo.save(new SchoolCategories(schoolId, List.copyOf(categories)))
                .doOnSuccess(x -> cache.invalidateAll()).map(SchoolCategories::categories);
    }
}
