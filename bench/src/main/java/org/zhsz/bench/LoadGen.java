package org.zhsz.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: {@code clients} concurrent clients, each sending its next request as soon as the
 * previous answered, for a fixed time after a warm-up. Latencies go into an HDR histogram (microseconds).
 */
final class LoadGen {

    record Result(String name, long requests, long errors, double seconds, Histogram latency) {
        double throughput() {
            return requests / seconds;
        }

        double p(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4)).version(HttpClient.Version.HTTP_1_1).build();

    /** {@code request} builds request number n; status ≥ 400 or an exception counts as an error. */
    Result run(String name, int clients, Duration warmup, Duration measure, IntFunction<HttpRequest> request)
            throws InterruptedException {
        AtomicLong counter = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Histogram hist = new ConcurrentHistogram(60_000_000L, 3);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[clients];
        for (int c = 0; c < clients; c++) {
            loops[c] = loop(request, counter, ok, errors, hist, measureFrom, end);
        }
        CompletableFuture.allOf(loops).join();
        // requests started in the window; the time runs until the last of them answered
        double seconds = Math.max(measure.toNanos(), System.nanoTime() - measureFrom) / 1e9;
        return new Result(name, ok.get(), errors.get(), seconds, hist);
    }

    /**
     * Every request started inside the measurement window is counted, even when it answers after the window
     * closed (the run waits for it): a server too slow to answer within the window shows up as high latency and
     * low throughput instead of vanishing from the figures.
     */
    private CompletableFuture<Void> loop(IntFunction<HttpRequest> request, AtomicLong counter, AtomicLong ok,
                                         AtomicLong errors, Histogram hist, long measureFrom, long end) {
        long t0 = System.nanoTime();
        if (t0 >= end) {
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest req = request.apply((int) counter.getAndIncrement());
        return http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).handle((resp, err) -> {
            long t1 = System.nanoTime();
            if (t0 >= measureFrom) {
                if (err != null || resp.statusCode() >= 400) {
                    errors.incrementAndGet();
                    if (errorSamples.size() < 5) {
                        errorSamples.add(req.method() + " " + req.uri().getPath() + " -> "
                                + (err != null ? err.toString() : Integer.toString(resp.statusCode())));
                    }
                } else {
                    ok.incrementAndGet();
                    hist.recordValue(Math.max(1, Math.min(59_000_000L, (t1 - t0) / 1000)));
                }
            }
            return null;
        }).thenCompose(x -> loop(request, counter, ok, errors, hist, measureFrom, end));
    }

    /** The first few failed requests, for the report. */
    final java.util.List<String> errorSamples = new java.util.concurrent.CopyOnWriteArrayList<>();

    static HttpRequest.Builder post(String url, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** A GET, with a bearer token unless {@code token} is null (public paths must get none: a bad one is a 401). */
    static HttpRequest.Builder get(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    static String row(String figure, String value, String baseline, String ratio) {
        return String.format("| %-44s | %-22s | %-22s | %-7s |", figure, value, baseline, ratio);
    }
}
