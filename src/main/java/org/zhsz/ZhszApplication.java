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
        // Reactor Netty's native epoll transport was seen to leave ~4% of fresh page loads hanging on these hosts
        // (sendfile: broken pipe); the NIO transport did not. Opt back in with -Dreactor.netty.native=true.
        if (System.getProperty("reactor.netty.native") == null) {
            System.setProperty("reactor.netty.native", "false");
        }
        SpringApplication.run(ZhszApplication.class, args);
    }
}
