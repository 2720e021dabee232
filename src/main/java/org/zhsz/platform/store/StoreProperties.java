package org.zhsz.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which MongoDB the platform uses.
 *
 * @param mongodbUri   a real MongoDB (env ZHSZ_MONGODB_URI); when blank and {@code spring.mongodb.uri} is blank too,
 *                     the embedded store is used
 * @param database     database name (default {@code zhsz})
 * @param embeddedPath file of the embedded store (default {@code ./data/zhsz.mv})
 * @param demoData     load the demo county on start: {@code auto} (only into the embedded store), {@code always},
 *                     {@code never}
 */
@ConfigurationProperties("zhsz.store")
public record StoreProperties(String mongodbUri, String database, String embeddedPath, String demoData) {

    public StoreProperties {
        if (database == null || database.isBlank()) {
            database = "zhsz";
        }
        if (embeddedPath == null || embeddedPath.isBlank()) {
            embeddedPath = "./data/zhsz.mv";
        }
        if (demoData == null || demoData.isBlank()) {
            demoData = "auto";
        }
    }
}
