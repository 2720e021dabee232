package org.zhsz;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.mongodb.repository.config.EnableReactiveMongoRepositories;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableReactiveMongoRepositories(considerNestedRepositories = true)
public class ZhszApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhszApplication.class, args);
    }
}
