package org.zhsz.family;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import reactor.core.publisher.Mono;

/**
 * The HTTP client the delivery adapters share: the JDK's non-blocking client, a limit per request, and failures as
 * values ({@code status} 0 when the provider could not be reached) so a timeout is a retry, never an exception.
 */
final class ProviderHttp {

    record Response(int status, String body) {

        boolean reached() {
            return status > 0;
        }

        boolean serverError() {
            return status == 0 || status >= 500 || status == 429;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Mono<Response> get(String url) {
        return call(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
    }

    Mono<Response> postJson(String url, String json) {
        return call(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private Mono<Response> call(HttpRequest request) {
        return Mono.fromFuture(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString(
                        StandardCharsets.UTF_8)))
                .map(r -> new Response(r.statusCode(), r.body()))
                .onErrorResume(e -> Mono.just(new Response(0, e.getClass().getSimpleName())));
    }

    /** A provider's JSON answer, or null when the body is not JSON (an error page, a proxy's text). */
    static JsonNode json(JsonMapper mapper, String body) {
        try {
            return mapper.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** 企业微信's and 钉钉's error in the sender's failure text: {@code errcode N errmsg}, or the HTTP status. */
    static String describe(JsonNode n, Response r) {
        return n == null ? "http " + r.status() : "errcode " + n.path("errcode").asString("?") + " "
                + n.path("errmsg").asString("");
    }

    /** A query parameter's value, URL-encoded. */
    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
