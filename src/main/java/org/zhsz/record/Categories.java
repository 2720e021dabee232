package org.zhsz.record;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;
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
    private final AccessPolicy access;
    private final AuditTrail audit;

    Categories(JsonMapper json, ReactiveMongoTemplate mongo, AccessPolicy access, AuditTrail audit,
               @Value("${zhsz.cache.organization-ttl:5s}") Duration cacheTtl, MeterRegistry meters)
            throws IOException {
        this.access = access;
        this.audit = audit;
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

    /** The school admin replaces the school's categories (a school setting); validated, audited. */
    Mono<List<Category>> replace(Actor actor, List<Category> body) {
        return access.requireOwnSchool(actor, DataClass.SCHOOL_SETTINGS, Action.WRITE).flatMap(scope -> {
            List<FieldError> errors = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < body.size(); i++) {
                Category c = body.get(i);
                if (c.dimension() == null || c.code() == null || !c.code().matches("[a-z0-9_]{2,40}")
                        || c.zh() == null || c.zh().isBlank()) {
                    errors.add(new FieldError("[" + i + "]", "invalid",
                            "dimension, code (a-z0-9_) and zh name are required"));
                } else if (!seen.add(c.dimension() + "/" + c.code())) {
                    errors.add(new FieldError("[" + i + "].code", "duplicate", "duplicate category"));
                }
            }
            for (Dimension d : Dimension.values()) {
                if (body.stream().noneMatch(c -> c.dimension() == d)) {
                    errors.add(new FieldError("$", "missing_dimension",
                            "every dimension needs at least one category: " + d));
                }
            }
            if (!errors.isEmpty()) {
                return Mono.error(Problems.invalid(errors));
            }
            return replace(scope.schoolId(), body).flatMap(list -> audit.record(AuditEvent.allowed(actor,
                    "categories.update", "school", scope.schoolId(), null, scope.schoolId())).thenReturn(list));
        });
    }

    Mono<List<Category>> replace(String schoolId, List<Category> categories) {
        return mongo.save(new SchoolCategories(schoolId, List.copyOf(categories)))
                .doOnSuccess(x -> cache.invalidateAll()).map(SchoolCategories::categories);
    }
}
