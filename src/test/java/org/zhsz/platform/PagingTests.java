package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhsz.support.DemoUsers.jwt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/**
 * Paging far past the end gives an empty page, never an early page through int overflow; a page or size that is
 * not a whole number in range is a 422 naming the parameter — the same on every paged list (one parser).
 */
@ZhszTest
class PagingTests {

    @Autowired
    WebTestClient web;

    @Test
    void theOffsetIsComputedWithoutOverflow() {
        // 134217728 × 32 = 2^32: in 32-bit arithmetic that is offset 0, i.e. the first page again
        assertThat(Paging.parse("134217728", "32").offset()).isEqualTo(Integer.MAX_VALUE);
        assertThat(Paging.parse("2147483647", "200").offset()).isEqualTo(Integer.MAX_VALUE);
        assertThat(Paging.parse("3", "20").offset()).isEqualTo(60);
        assertThat(Paging.parse(null, " ").size()).isEqualTo(20);
    }

    @ParameterizedTest
    @CsvSource({"-1,20,page", "2147483648,20,page", "99999999999999999999,20,page", "1.5,20,page", "abc,20,page",
            "0,0,size", "0,201,size", "0,-5,size", "0,2147483648,size", "0,ten,size"})
    void badValuesAreRefusedNamingTheParameter(String page, String size, String field) {
        assertThatThrownBy(() -> Paging.parse(page, size)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(422);
            assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo(field));
        });
    }

    /** The same rules on every paged list of the API. */
    static final String[] LISTS = {"/api/v1/students", "/api/v1/students/{student}/records",
            "/api/v1/students/{student}/access-log"};

    /** student_c1a (马思远), who has demo records; the PE teacher's read of his fitness is in the access log. */
    private String student() {
        web.mutateWith(jwt("pe_c1")).get().uri("/api/v1/students/S1-C1-01/fitness").exchange()
                .expectStatus().isOk();
        return "S1-C1-01";
    }

    @Test
    void aPageFarPastTheEndIsEmptyOnEveryList() {
        String student = student();
        for (String list : LISTS) {
            String uri = list.replace("{student}", student);
            // the first page has items, so an empty far page is not an empty list
            web.mutateWith(jwt("admin_s1")).get().uri(uri + "?page=0&size=32").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.items.length()").value(n -> assertThat((Integer) n).isPositive());
            for (String page : new String[]{"134217728", "2147483647", "67108864"}) {
                web.mutateWith(jwt("admin_s1")).get().uri(uri + "?page=" + page + "&size=32").exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.items.length()").isEqualTo(0)
                        .jsonPath("$.page").isEqualTo(Integer.parseInt(page))
                        .jsonPath("$.total").value(n -> assertThat(((Number) n).longValue()).isPositive());
            }
        }
    }

    @Test
    void badPagingIs422OnEveryList() {
        String student = student();
        for (String list : LISTS) {
            String uri = list.replace("{student}", student);
            for (String query : new String[]{"page=-1", "page=2147483648", "page=x", "size=0", "size=100000",
                    "size=-3"}) {
                web.mutateWith(jwt("admin_s1")).get().uri(uri + "?" + query).exchange()
                        .expectStatus().isEqualTo(422)
                        .expectBody().jsonPath("$.code").isEqualTo("validation_failed")
                        .jsonPath("$.errors[0].field").isEqualTo(query.substring(0, query.indexOf('=')));
            }
        }
        web.mutateWith(jwt("auditor")).get().uri("/api/v1/audit/events?page=2147483648").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
        web.mutateWith(jwt("auditor")).get().uri("/api/v1/audit/events?page=134217728&size=32").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }
}
