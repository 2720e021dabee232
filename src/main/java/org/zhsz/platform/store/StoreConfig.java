package org.zhsz.platform.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoServer;

/**
 * Chooses the store: {@code spring.mongodb.uri} or {@code ZHSZ_MONGODB_URI} means a real MongoDB; neither means
 * the embedded mongo-java-server with its files under ./data. The choice is logged and reported by
 * the health endpoint.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfig {

    private static final Logger log = LoggerFactory.getLogger(StoreConfig.class);

    @Bean
    StoreInfo storeInfo(Environment env, StoreProperties props) {
        String springUri = env.getProperty("spring.mongodb.uri");
        String uri = notBlank(springUri) ? springUri : props.mongodbUri();
        if (notBlank(uri)) {
            ConnectionString cs = new ConnectionString(uri);
            String db = cs.getDatabase() != null ? cs.getDatabase() : props.database();
            log.info("Store: external MongoDB at {} (database {})", String.join(",", cs.getHosts()), db);
            return new StoreInfo(StoreInfo.Kind.MONGODB, uri, db, null);
        }
        Path file = Path.of(props.embeddedPath()).toAbsolutePath().normalize();
        log.info("Store: embedded mongo-java-server, file {}", file);
        return new StoreInfo(StoreInfo.Kind.EMBEDDED, null, props.database(), file);
    }

    @Bean(destroyMethod = "shutdownNow")
    EmbeddedStore embeddedStore(StoreInfo info, StoreProperties props) throws IOException {
        if (info.kind() != StoreInfo.Kind.EMBEDDED) {
            return EmbeddedStore.none();
        }
        Path file = info.embeddedFile();
        Files.createDirectories(file.getParent());
        if ("h2".equalsIgnoreCase(props.embeddedEngine())) {
            if (Files.exists(file) && Files.size(file) > 0) {
                // rewrite live data into a fresh compressed file: keeps ./data small across restarts
                MVStoreTool.compact(file.toString(), true);
            }
            // no background writer: every acknowledged write is committed in the request (see DurableH2Backend)
            MVStore store = new MVStore.Builder()
                    .fileName(file.toString())
                    .compress()
                    .autoCommitDisabled()
                    .open();
            DurableH2Backend backend = new DurableH2Backend(store);
            MongoServer server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            log.info("Embedded store (H2 MVStore) listening on {}", server.getLocalAddress());
            return new EmbeddedStore(server, () -> backend.compact(2000), store::close, null);
        }
        Path base = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.mv$", ""));
        JournaledMemoryBackend backend = JournaledMemoryBackend.open(base, props.embeddedFsync(),
                props.embeddedCompactBytes());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        log.info("Embedded store (in memory, journal {}) listening on {}", backend.journalFile(),
                server.getLocalAddress());
        return new EmbeddedStore(server, () -> { }, () -> { }, backend);
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(StoreInfo info, EmbeddedStore embedded) {
        String uri = info.kind() == StoreInfo.Kind.MONGODB
                ? info.uri()
                : "mongodb://" + embedded.address() + "/" + info.database();
        ConnectionString cs = new ConnectionString(withDatabase(uri, info.database()));
        return () -> cs;
    }

    /**
     * The reactive driver on its default transport (asynchronous sockets). Spring Boot switches the driver to its
     * Netty transport when Netty is on the class path; with driver 5.6 that transport leaks buffers
     * (JAVA-6038) and, under the authorization matrix against a real port, now and then a reply never reached its
     * query, leaving a request without an answer. Every other customizer (connection details, UUID
     * representation, SSL) still applies.
     */
    @Bean(destroyMethod = "close")
    com.mongodb.reactivestreams.client.MongoClient reactiveStreamsMongoClient(
            org.springframework.beans.factory.ObjectProvider<
                    org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer> customizers) {
        com.mongodb.MongoClientSettings.Builder builder = com.mongodb.MongoClientSettings.builder();
        customizers.orderedStream()
                .filter(c -> !c.getClass().getName().contains("NettyDriver"))
                .forEach(c -> c.customize(builder));
        return com.mongodb.reactivestreams.client.MongoClients.create(builder.build());
    }

    @Bean
    org.zhsz.platform.DemoMode demoMode(StoreInfo info, StoreProperties props) {
        boolean on = switch (props.demoData().toLowerCase()) {
            case "always", "true" -> true;
            case "never", "false" -> false;
            default -> info.embedded();
        };
        log.info("Demo data: {}", on ? "loaded if missing" : "off");
        return new org.zhsz.platform.DemoMode(on);
    }

    static String withDatabase(String uri, String db) {
        int q = uri.indexOf('?');
        String base = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : uri.substring(q);
        int hostsStart = base.indexOf("://") + 3;
        int slash = base.indexOf('/', hostsStart);
        if (slash < 0) {
            base = base + "/" + db;
        } else if (slash == base.length() - 1) {
            base = base + db;
        }
        return base + query;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
