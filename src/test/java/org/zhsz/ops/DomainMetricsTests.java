package org.zhsz.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusOutputFormat;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.support.ZhszTest;

/** After a few requests the Prometheus endpoint shows the domain series the Grafana dashboard charts. */
@ZhszTest
class DomainMetricsTests {

    @Autowired
    WebTestClient web;

    @Autowired
    PrometheusScrapeEndpoint prometheus;

    @Test
    void prometheusShowsTheZhszSeries() {
        web.mutateWith(jwt("head_c1")).post().uri("/api/v1/students/S1-C1-11/records")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("dimension", "MORAL", "category", "class_duty", "title", "担任纪律委员",
                        "occurredOn", "2026-09-15")).exchange().expectStatus().isCreated();
        web.mutateWith(jwt("teacher_c2")).get().uri("/api/v1/students/S1-C1-11").exchange()
                .expectStatus().isNotFound();
        web.mutateWith(jwt("auditor")).get().uri("/api/v1/audit/verify").exchange().expectStatus().isOk();
        web.mutateWith(jwt("pe_c1")).post().uri("/api/v1/fitness/score").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("grade", 7, "sex", "M", "items", Map.of("run_50m", 8.1))).exchange()
                .expectStatus().isOk();
        web.mutateWith(jwt("counselor_s1")).get().uri("/api/v1/wellbeing/alerts").exchange().expectStatus().isOk();

        // the scrape endpoint itself (it is served on the management port, which a mock web environment has not;
        // ManagementPortTests scrapes it over HTTP)
        String metrics = new String(prometheus.scrape(PrometheusOutputFormat.CONTENT_TYPE_004, null).getBody(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String series : List.of("zhsz_records_added_total{", "zhsz_authz_denials_total{",
                "zhsz_audit_chain_verified", "zhsz_fitness_scored_total", "zhsz_alerts_raised_total",
                "zhsz_alerts_acknowledged_total", "zhsz_alerts_overdue_total", "zhsz_dossiers_exported_total",
                "zhsz_import_rows_total{", "zhsz_pdf_render_seconds")) {
            assertThat(metrics).as(series).contains(series);
        }
        assertThat(metrics).contains("dimension=\"moral\"");
    }
}
