package org.zhsz.platform.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Replaces Boot's Mongo health check (which sends {@code hello}, unknown to mongo-java-server) with a
 * {@code ping}, and says which store is in use. A store that does not answer within {@code zhsz.store.timeout}
 * is DOWN, with the reason.
 */
@Component("mongoHealthIndicator")
class StoreHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;
    private final StoreInfo info;
    private final StoreProperties props;

    StoreHealthIndicator(ReactiveMongoTemplate mongo, StoreInfo info, StoreProperties props) {
        super("The store did not answer");
        this.mongo = mongo;
        this.info = info;
        this.props = props;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        builder.withDetail("store", info.embedded() ? "embedded" : "mongodb");
        return mongo.executeCommand(new Document("ping", 1))
                .timeout(props.timeout())
                .map(r -> builder.up()
                        .withDetail("store", info.embedded() ? "embedded" : "mongodb")
                        .withDetail("database", info.database())
                        .build());
    }
}
