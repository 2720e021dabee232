package org.zhsz.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.zhsz.support.ZhszTest;

/** Every API endpoint that exists has at least one row in the authorization matrix: the matrix cannot fall behind. */
@ZhszTest
class MatrixCoverageTests {

    /** Endpoints that are not about anyone's data: no access decision to test. */
    private static final Set<String> NOT_ACCESS_CONTROLLED = Set.of("GET /config.js");

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointHasAMatrixRow() {
        List<AccessMatrix.Row> rows = AccessMatrix.rows();
        List<String> missing = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (var pattern : info.getPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString();
                if (!path.startsWith("/api/") && !path.equals("/config.js")) {
                    continue;
                }
                Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
                        .getMethods();
                for (var m : methods) {
                    String endpoint = m.name() + " " + path;
                    if (NOT_ACCESS_CONTROLLED.contains(endpoint) || path.startsWith("/api/v1/public/")) {
                        continue;
                    }
                    Pattern regex = Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")
                            .replace(".", "\\.") + "(\\?.*)?");
                    boolean covered = rows.stream().anyMatch(r -> r.method().equals(HttpMethod.valueOf(m.name()))
                            && regex.matcher(r.uri()).matches());
                    if (!covered) {
                        missing.add(endpoint);
                    }
                }
            }
        }
        assertThat(missing).as("endpoints without a row in AccessMatrix / MatrixExtensions:\n"
                + String.join("\n", missing.stream().sorted().toList())).isEmpty();
    }
}
