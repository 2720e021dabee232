package org.zhsz.family;

import static org.zhsz.support.DemoUsers.jwt;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Calls the family API as a demo user; each call states the status it expects. */
final class FamilyApi {

    private final WebTestClient web;

    FamilyApi(WebTestClient web) {
        this.web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    WebTestClient as(String user) {
        return web.mutateWith(jwt(user));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String user, String uri, int status) {
        return as(user).get().uri(uri).exchange().expectStatus().isEqualTo(status).expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    /** The count of the user's home-page to-do {@code code} (0 when it is not listed), as the home page shows it. */
    @SuppressWarnings("unchecked")
    long todo(String user, String code) {
        List<Map<String, Object>> todos = as(user).get().uri("/api/v1/me/todos").header("Accept-Language", "zh-CN")
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return todos.stream().filter(t -> code.equals(t.get("code"))).mapToLong(t -> ((Number) t.get("count"))
                .longValue()).sum();
    }

    /** The text of the user's home-page to-do {@code code} in Chinese. */
    @SuppressWarnings("unchecked")
    String todoText(String user, String code) {
        List<Map<String, Object>> todos = as(user).get().uri("/api/v1/me/todos").header("Accept-Language", "zh-CN")
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return todos.stream().filter(t -> code.equals(t.get("code"))).map(t -> (String) t.get("label")).findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String user, String uri, Object body, int status) {
        WebTestClient.RequestBodySpec spec = as(user).post().uri(uri);
        WebTestClient.RequestHeadersSpec<?> h = body == null ? spec : spec.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
        return h.exchange().expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> put(String user, String uri, Object body, int status) {
        return as(user).put().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> upload(String user, String uri, String filename, byte[] bytes, int status) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return as(user).post().uri(uri).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(mb.build())).exchange().expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    byte[] bytes(String user, String uri, int status) {
        return as(user).get().uri(uri).exchange().expectStatus().isEqualTo(status).expectBody(byte[].class)
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static String code(Map<String, Object> problem) {
        return String.valueOf(problem.get("code"));
    }

    static List<String> fieldCodes(Map<String, Object> problem) {
        return list(problem.get("errors")).stream().map(e -> e.get("field") + ":" + e.get("code")).toList();
    }

    static byte[] png() {
        try {
            BufferedImage img = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
            img.setRGB(2, 2, 0x3366FF);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
