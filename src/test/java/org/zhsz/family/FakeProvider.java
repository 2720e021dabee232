package org.zhsz.family;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for an SMS, 企业微信 or 钉钉 server on loopback, started by the test: it records every request and
 * answers what the test's handler says. No real provider is ever called from tests.
 */
final class FakeProvider implements AutoCloseable {

    record Request(String method, String path, Map<String, String> query, String body) {
    }

    record Reply(int status, String body) {
        static Reply json(String body) {
            return new Reply(200, body);
        }
    }

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> handler = r -> Reply.json("{}");

    FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()), body);
            requests.add(r);
            Reply reply = handler.apply(r);
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    void answer(Function<Request, Reply> h) {
        this.handler = h;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> to(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
