package org.zhsz.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ops/grafana/zhsz-dashboard.json is valid JSON, is bound to a data source variable, and queries only series
 * the app exports (Micrometer names as Prometheus writes them), so a renamed meter breaks this test instead
 * of silently emptying a panel.
 */
class GrafanaDashboardTests {

    private static final Path DASHBOARD = Path.of("ops", "grafana", "zhsz-dashboard.json");

    /** Domain meters (docs/architecture.md §10 and the modules' counters), as Prometheus names them. */
    static final Set<String> DOMAIN_SERIES = Set.of(
            "zhsz_records_added_total",
            "zhsz_import_rows_total",
            "zhsz_fitness_scored_total",
            "zhsz_pdf_render_seconds_count", "zhsz_pdf_render_seconds_sum", "zhsz_pdf_render_seconds_bucket",
            "zhsz_dossiers_exported_total",
            "zhsz_alerts_raised_total",
            "zhsz_alerts_acknowledged_total",
            "zhsz_alerts_overdue_total",
            "zhsz_authz_denials_total",
            "zhsz_audit_chain_verified");

    /** Spring Boot / Micrometer basics the dashboard may use. */
    static final Set<String> PLATFORM_SERIES = Set.of(
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_bucket",
            "jvm_memory_used_bytes", "jvm_memory_max_bytes",
            "process_cpu_usage");

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "le", "inf", "nan");

    private static JsonNode dashboard;

    @BeforeAll
    static void parse() throws IOException {
        JsonMapper strict = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        dashboard = strict.readTree(Files.readString(DASHBOARD));
    }

    @Test
    void hasADataSourceVariableThatEveryPanelAndQueryUses() {
        JsonNode variables = dashboard.path("templating").path("list");
        List<JsonNode> datasourceVars = new ArrayList<>();
        variables.forEach(v -> {
            if ("datasource".equals(v.path("type").asString())) {
                datasourceVars.add(v);
            }
        });
        assertThat(datasourceVars).hasSize(1);
        assertThat(datasourceVars.get(0).path("query").asString()).isEqualTo("prometheus");
        String variable = "${" + datasourceVars.get(0).path("name").asString() + "}";

        for (JsonNode panel : panels()) {
            if ("row".equals(panel.path("type").asString())) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asString()).as(title(panel)).isEqualTo(variable);
            assertThat(panel.path("targets")).as(title(panel) + " targets").isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asString()).as(title(panel)).isEqualTo(variable);
            }
        }
    }

    @Test
    void everyQueryReferencesOnlyKnownSeries() {
        Set<String> known = new HashSet<>(DOMAIN_SERIES);
        known.addAll(PLATFORM_SERIES);

        List<String> queries = queries();
        assertThat(queries).isNotEmpty();
        for (String expr : queries) {
            Set<String> series = seriesIn(expr);
            assertThat(series).as("series in: " + expr).isNotEmpty();
            assertThat(known).as("unknown series in: " + expr).containsAll(series);
        }
    }

    @Test
    void everyDomainMeterIsCharted() {
        Set<String> used = new HashSet<>();
        queries().forEach(q -> used.addAll(seriesIn(q)));

        assertThat(used).containsAll(DOMAIN_SERIES);
    }

    @Test
    void panelsHaveUniqueIdsAndDoNotOverlapOnTheGrid() {
        Set<Integer> ids = new HashSet<>();
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode panel : panels()) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of " + title(panel)).isTrue();
            JsonNode g = panel.path("gridPos");
            int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
            assertThat(box[0] + box[2]).as(title(panel) + " fits 24 columns").isLessThanOrEqualTo(24);
            assertThat(box[2]).as(title(panel) + " width").isPositive();
            for (int[] other : boxes) {
                boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                        && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                assertThat(overlap).as(title(panel) + " overlaps another panel").isFalse();
            }
            boxes.add(box);
        }
        assertThat(dashboard.path("uid").asString()).isNotBlank();
    }

    @Test
    void seriesExtractionIgnoresFunctionsLabelsAndKeywords() {
        assertThat(seriesIn("histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
                + "{application=~\"$application\", uri!~\"/actuator.*\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(seriesIn("sum(increase(zhsz_alerts_raised_total[$__range])) - sum(zhsz_alerts_acknowledged_total)"))
                .containsExactly("zhsz_alerts_raised_total", "zhsz_alerts_acknowledged_total");
        assertThat(seriesIn("sum(rate(zhsz_fitness_scored_total[5m])) * 3600 > 1e3"))
                .containsExactly("zhsz_fitness_scored_total");
    }

    // ---- helpers ----

    private static List<JsonNode> panels() {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }

    /** Panel target expressions plus the query variables' queries (minus label_values' label argument). */
    private static List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(t -> queries.add(t.path("expr").asString()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asString())) {
                String q = variable.path("query").path("query").asString();
                // label_values(series, label): only the series is a metric name
                queries.add(q.replaceFirst("^label_values\\((.*),\\s*\\w+\\)$", "$1")
                        .replaceFirst("^label_values\\((.*)\\)$", "$1"));
            }
        }
        return queries;
    }

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern BRACES = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");

    /** Metric names in a PromQL expression: identifiers that are not functions, labels, keywords or variables. */
    static Set<String> seriesIn(String expr) {
        String s = STRINGS.matcher(expr).replaceAll("\"\"");
        s = BRACES.matcher(s).replaceAll(" ");
        s = RANGES.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        s = s.replaceAll("\\$\\{?\\w+}?", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String name = m.group();
            int after = m.end();
            while (after < s.length() && s.charAt(after) == ' ') {
                after++;
            }
            boolean function = after < s.length() && s.charAt(after) == '(';
            boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (!function && !number && !PROMQL_WORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    private static String title(JsonNode panel) {
        return "panel \"" + panel.path("title").asString() + "\"";
    }
}
