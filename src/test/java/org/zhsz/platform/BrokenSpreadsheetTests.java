package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhsz.support.DemoUsers.jwt;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.support.TestSheets;
import org.zhsz.support.ZhszTest;

/**
 * Every import endpoint meets broken and hostile spreadsheets with a problem that says what is wrong (400, 413,
 * 415 or 422), never a 500, and stores nothing: a zip bomb, an XML entity bomb, a truncated file, a file that
 * is not a zip, a zip without a workbook, huge shared strings, an OLE2 (.xls) header with garbage behind it.
 */
@ZhszTest
class BrokenSpreadsheetTests {

    /** The import endpoints and who may use them. */
    static final Map<String, String> IMPORTS = Map.of("/api/v1/students/import", "admin_s1",
            "/api/v1/fitness/import", "admin_s1");

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    private long stored() {
        return mongo.getCollection("students").flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments()))
                .block() + mongo.getCollection("fitness_results")
                .flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments())).block();
    }

    private EntityExchangeResult<String> send(String path, byte[] bytes, String name) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(120)).build()
                .mutateWith(jwt(IMPORTS.get(path))).post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(mb.build())).exchange()
                .expectBody(String.class).returnResult();
    }

    private static Map<String, byte[]> cases() throws IOException {
        Map<String, byte[]> c = new LinkedHashMap<>();
        c.put("zip bomb", TestSheets.bomb(300));
        c.put("entity bomb", TestSheets.entityBomb());
        byte[] good = TestSheets.small();
        c.put("truncated", Arrays.copyOf(good, good.length / 2));
        byte[] notZip = new byte[4096];
        new Random(7).nextBytes(notZip);
        notZip[0] = 'P';
        notZip[1] = 'K';
        notZip[2] = 3;
        notZip[3] = 4;
        c.put("zip header then garbage", notZip);
        byte[] binary = new byte[4096];
        new Random(8).nextBytes(binary);
        binary[0] = 0;
        c.put("binary, not a zip", binary);
        c.put("zip without a workbook", TestSheets.zip(Map.of("hello.txt", TestSheets.utf8("hi"),
                "docs/readme.md", TestSheets.utf8("# not a workbook"))));
        Map<String, byte[]> noSheet = TestSheets.workbook("", "");
        noSheet.remove("xl/worksheets/sheet1.xml");
        c.put("workbook without its sheet", TestSheets.zip(noSheet));
        c.put("huge shared strings", TestSheets.hugeSharedStrings(3_000_000));
        byte[] xls = new byte[4096];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, xls, 0, 8);
        c.put("ole2 header then garbage", xls);
        return c;
    }

    @Test
    void everyImportAnswersEveryBrokenFileWithAProblemAndStoresNothing() throws IOException {
        Map<String, byte[]> cases = cases();
        long before = stored();
        for (String path : IMPORTS.keySet()) {
            for (Map.Entry<String, byte[]> c : cases.entrySet()) {
                EntityExchangeResult<String> r = send(path, c.getValue(), "名单.xlsx");
                int status = r.getStatus().value();
                assertThat(status).as(path + " — " + c.getKey() + ": " + r.getResponseBody())
                        .isIn(400, 413, 415, 422);
                assertThat(r.getResponseHeaders().getContentType()).as(path + " — " + c.getKey())
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theStatusSaysWhatIsWrong() throws IOException {
        Map<String, byte[]> cases = cases();
        for (String path : IMPORTS.keySet()) {
            assertThat(send(path, cases.get("zip bomb"), "a.xlsx").getStatus().value()).as(path).isEqualTo(413);
            assertThat(send(path, cases.get("huge shared strings"), "a.xlsx").getStatus().value()).as(path)
                    .isEqualTo(413);
            assertThat(send(path, cases.get("binary, not a zip"), "a.xlsx").getStatus().value()).as(path)
                    .isEqualTo(415);
            for (String broken : List.of("truncated", "zip header then garbage", "zip without a workbook",
                    "workbook without its sheet", "entity bomb", "ole2 header then garbage")) {
                assertThat(send(path, cases.get(broken), "a.xlsx").getStatus().value()).as(path + " " + broken)
                        .isIn(400, 422);
            }
        }
    }
}
