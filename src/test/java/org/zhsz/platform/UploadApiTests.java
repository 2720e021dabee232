package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;
import static org.zhsz.support.TestImages.LATITUDE;
import static org.zhsz.support.TestImages.contains;
import static org.zhsz.support.TestImages.indexOf;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.organization.TermCalendar;
import org.zhsz.support.TestImages;
import org.zhsz.support.ZhszTest;

/**
 * Every upload endpoint follows the platform's upload rules: photos lose their location wherever it sits in the
 * file (evidence files and medical documents alike), and what comes back on download is the cleaned file.
 */
@ZhszTest
class UploadApiTests {

    @Autowired
    WebTestClient web;

    static MultipartBodyBuilder file(byte[] bytes, String name) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return mb;
    }

    WebTestClient.ResponseSpec uploadEvidence(String user, String student, byte[] bytes, String name) {
        return web.mutateWith(jwt(user)).post().uri("/api/v1/students/{id}/evidence", student)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file(bytes, name).build())).exchange();
    }

    byte[] downloadEvidence(String student, String id) {
        return web.mutateWith(jwt("head_c1")).get().uri("/api/v1/students/{s}/evidence/{e}", student, id).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private String stored(WebTestClient.ResponseSpec spec) {
        return (String) spec.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id");
    }

    @Test
    void evidencePhotosLoseLocationWhereverItSits() throws IOException {
        byte[] progressive = TestImages.beforeScan(TestImages.progressiveJpeg(), 2, TestImages.exifWithGps(),
                TestImages.xmpWithGps());
        byte[] multi = TestImages.multiPicture();
        for (byte[] photo : new byte[][]{progressive, multi}) {
            assertThat(indexOf(photo, LATITUDE)).isPositive();
            byte[] back = downloadEvidence("S1-C1-14", stored(uploadEvidence("head_c1", "S1-C1-14", photo,
                    "IMG_0001.JPG")));
            assertThat(indexOf(back, LATITUDE)).isEqualTo(-1);
            assertThat(contains(back, "GPS")).isFalse();
            assertThat(TestImages.decode(back).getWidth()).isEqualTo(48);
        }
        byte[] png = downloadEvidence("S1-C1-14", stored(uploadEvidence("head_c1", "S1-C1-14",
                TestImages.pngWithMetadata(), "scan.png")));
        assertThat(contains(png, "GPS")).isFalse();
        assertThat(contains(png, "device-serial")).isFalse();
        byte[] webp = downloadEvidence("S1-C1-14", stored(uploadEvidence("head_c1", "S1-C1-14",
                TestImages.webpWithMetadata(), "photo.webp")));
        assertThat(contains(webp, "EXIF")).isFalse();
        assertThat(indexOf(webp, LATITUDE)).isEqualTo(-1);
    }

    @Test
    void anEvidenceFileIsServedSandboxed() throws IOException {
        String id = stored(uploadEvidence("head_c1", "S1-C1-14", TestImages.plainPng(), "scan.png"));
        web.mutateWith(jwt("head_c1")).get().uri("/api/v1/students/{s}/evidence/{e}", "S1-C1-14", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", "sandbox")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aDamagedPhotoIsRefused() {
        byte[] jpeg = TestImages.withSegments(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        uploadEvidence("head_c1", "S1-C1-14", jpeg, "broken.jpg").expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("unsupported_media_type");
    }

    @Test
    void medicalDocumentsLoseLocationToo() throws IOException {
        String year = TermCalendar.schoolYear(TermCalendar.codeOf(LocalDate.now(SchoolClock.ZONE)));
        MultipartBodyBuilder mb = file(TestImages.multiPicture(), "诊断证明.jpg");
        mb.part("reason", "腿部骨折，医嘱暂停体育测试");
        web.mutateWith(jwt("pe_c1")).put().uri("/api/v1/students/{id}/fitness/{y}/exemption", "S1-C1-15", year)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build()))
                .exchange().expectStatus().isOk();
        byte[] back = web.mutateWith(jwt("pe_c1")).get()
                .uri("/api/v1/students/{id}/fitness/{y}/exemption/document", "S1-C1-15", year).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(indexOf(back, LATITUDE)).isEqualTo(-1);
        assertThat(contains(back, "GPS")).isFalse();
        assertThat(TestImages.decode(back).getWidth()).isEqualTo(48);
    }
}
