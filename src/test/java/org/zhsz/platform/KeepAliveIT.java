package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zhsz.support.KeycloakServer;

/**
 * Regression test for requests that were never answered on a kept-alive connection (Reactor Netty 1.3.6,
 * reactor-netty #4347/#4361, fixed in 1.3.8): when a pipelined request completed at once (here a 403 decided from
 * the token alone) right after a response written from a store driver thread, the server stopped reading the
 * socket and the next request on that connection waited for ever. Two requests go out in one socket write, then a
 * third on the same connection, many times over; each must be answered within seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KeepAliveIT {

    private static final int ROUNDS = 400;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("zhsz.security.issuer-uri", KeycloakServer::issuer);
    }

    @LocalServerPort
    int port;

    @Test
    void pipelinedRequestsOnOneConnectionAreAllAnswered() throws IOException {
        String teacher = KeycloakServer.token("head_c1");
        String admissions = KeycloakServer.token("admissions");
        // a store-backed read, then one refused from the token alone (no store access), in one write
        String storeRead = request("/api/v1/students/S1-C1-01", teacher);
        String refusedFromToken = request("/api/v1/wellbeing/caseload", admissions);
        List<String> problems = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 0; round < ROUNDS && problems.isEmpty(); round++) {
                out.write((storeRead + refusedFromToken).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, 200, round, "pipelined store read", problems);
                expect(in, 403, round, "pipelined refusal", problems);
                out.write(storeRead.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, 200, round, "third request on the same connection", problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String request(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n";
    }

    private static void expect(InputStream in, int status, int round, String what, List<String> problems)
            throws IOException {
        if (!problems.isEmpty()) {
            return;
        }
        try {
            int actual = readResponse(in);
            if (actual != status) {
                problems.add("round " + round + ", " + what + ": expected " + status + ", got " + actual);
            }
        } catch (SocketTimeoutException e) {
            problems.add("round " + round + ", " + what + ": no answer within 10 s");
        }
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
                in.readNBytes((int) size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            in.readNBytes((int) length);
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
