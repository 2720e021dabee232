package org.zhsz.family;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
}
