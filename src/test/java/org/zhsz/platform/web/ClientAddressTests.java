package org.zhsz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The client address behind a trusted proxy comes from X-Forwarded-For, so the public verification's rate limit
 * (3 per minute here) counts each client; from an untrusted peer the header is ignored, so spoofing it does not
 * buy anyone a fresh budget.
 */
class ClientAddressTests {

    private static List<Integer> verify(int port, String... forwardedFor) {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        List<Integer> statuses = new ArrayList<>();
        for (String client : forwardedFor) {
            statuses.add(web.get().uri("/api/v1/verify/ABCD-EFGH-JKLM").header("X-Forwarded-For", client)
                    .exchange().expectBody().returnResult().getStatus().value());
        }
        return statuses;
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "zhsz.archive.verify-per-minute=3", "zhsz.proxy.trusted-addresses=127.0.0.1,::1"})
    @ActiveProfiles("test")
    class BehindATrustedProxy {

        @LocalServerPort
        int port;

        @Test
        void eachForwardedClientHasItsOwnBudget() {
            List<Integer> a = verify(port, "203.0.113.7", "203.0.113.7", "203.0.113.7", "203.0.113.7");
            List<Integer> b = verify(port, "198.51.100.20, 10.0.0.5", "198.51.100.20");
            assertThat(a.subList(0, 3)).doesNotContain(429);
            assertThat(a.get(3)).as("the 4th request of one client in a minute").isEqualTo(429);
            assertThat(b).as("another client behind the same proxy").doesNotContain(429);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
            "zhsz.archive.verify-per-minute=3")
    @ActiveProfiles("test")
    class ReachedDirectly {

        @LocalServerPort
        int port;

        @Test
        void aSpoofedForwardedForIsIgnored() {
            List<Integer> statuses = verify(port, "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4");
            assertThat(statuses.subList(0, 3)).doesNotContain(429);
            assertThat(statuses.get(3)).as("every request counts against the real peer").isEqualTo(429);
        }
    }

    // ---- the header's rules, on the filter itself

    private static ClientAddressFilter filter(String... trusted) {
        return new ClientAddressFilter(new ClientAddressFilter.ProxyProperties(List.of(trusted)),
                new org.zhsz.platform.security.ManagementPort());
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotATrustedProxy() throws Exception {
        ClientAddressFilter f = filter("10.0.0.0/8", "192.168.1.1");
        assertThat(f.clientOf(List.of("203.0.113.9, 10.1.2.3"))).isEqualTo(InetAddress.getByName("203.0.113.9"));
        // a client that sends its own header cannot choose: the proxy appended the real address
        assertThat(f.clientOf(List.of("1.1.1.1, 203.0.113.9, 10.1.2.3")))
                .isEqualTo(InetAddress.getByName("203.0.113.9"));
        assertThat(f.clientOf(List.of("1.1.1.1", "203.0.113.9"))).isEqualTo(InetAddress.getByName("203.0.113.9"));
        assertThat(f.clientOf(List.of("10.9.9.9, 192.168.1.1"))).isEqualTo(InetAddress.getByName("10.9.9.9"));
        assertThat(f.clientOf(List.of("[2001:db8::1]:443"))).isEqualTo(InetAddress.getByName("2001:db8::1"));
        assertThat(f.clientOf(List.of("203.0.113.9:51234"))).isEqualTo(InetAddress.getByName("203.0.113.9"));
        assertThat(f.clientOf(List.of("evil.example.org, 203.0.113.9"))).isEqualTo(InetAddress.getByName("203.0.113.9"));
        assertThat(f.clientOf(List.of("not-an-address"))).isNull();
    }

    @Test
    void trustedBlocksAreMatchedBitwise() throws Exception {
        ClientAddressFilter f = filter("172.16.0.0/12", "fd00::/8");
        assertThat(f.isTrusted(InetAddress.getByName("172.31.255.1"))).isTrue();
        assertThat(f.isTrusted(InetAddress.getByName("172.32.0.1"))).isFalse();
        assertThat(f.isTrusted(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(f.isTrusted(InetAddress.getByName("fe80::1"))).isFalse();
        assertThat(filter().isTrusted(InetAddress.getByName("127.0.0.1"))).as("nothing by default").isFalse();
    }
}
