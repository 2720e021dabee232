package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.DemoUsers;
import org.zhsz.support.ZhszTest;

/** The whole matrix with mock tokens carrying exactly the realm's claims; fails listing every wrong cell. */
@ZhszTest
@org.springframework.test.context.TestPropertySource(properties = "zhsz.test.isolated=matrix") // own store: it adds students and classes
class AuthorizationMatrixTests {

    @Autowired
    WebTestClient web;

    @Test
    void everyEndpointForEveryDemoUser() {
        List<String> wrong = AccessMatrix.wrongCells(web.mutate().responseTimeout(java.time.Duration.ofSeconds(30))
                .build(), user -> c -> c.mutateWith(DemoUsers.jwt(user)));
        assertThat(wrong).as("wrong cells:\n" + String.join("\n", wrong)).isEmpty();
    }
}
