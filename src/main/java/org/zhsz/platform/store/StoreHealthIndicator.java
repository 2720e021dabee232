package org.zhsz.platform.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Replaces Boot's Mongo health check (which sends {@code hello}, unknown to mongo-java-server) with a
 * {@code ping}, and says which store is in use.
 */
@Component("mongoHealthIndicator")
class StoreHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;
    private final StoreInfo info;

    StoreHealthIndicator(ReactiveMongoTemplate mongo, StoreInfo info) {
        this.mongo = mongo;
        this.info = info;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1))
                .map(r -> builder.up()
                        .withDetail("store", info.embedded() ? "embedded" : "mongodb")
                        .withDetail("database", info.database())
                        .build());
    }
}
