package org.zhsz.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DossierZipTests {

    static final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void writesEveryDossierInOrderWithUniqueNames() throws Exception {
        DossierRenderer renderer = new DossierRenderer();
        List<DossierContent> dossiers = IntStream.range(0, 12)
                .mapToObj(i -> SampleDossiers.li(VerificationCode.random())).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written = new DossierZip(pool, 3).write(out, dossiers.iterator(),
                d -> "九年级3班/" + d.student().name() + ".pdf", renderer::render);
        assertThat(written).isEqualTo(12);

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                byte[] pdf = zip.readAllBytes();
                assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                assertThat(pdf.length).isEqualTo((int) e.getSize());
            }
        }
        assertThat(names).hasSize(12).doesNotHaveDuplicates()
                .startsWith("九年级3班/李䶮.pdf", "九年级3班/李䶮 (2).pdf", "九年级3班/李䶮 (3).pdf");
    }

    @Test
    void neverHoldsMoreThanTheWindow() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Integer[] items = IntStream.range(0, 200).boxed().toArray(Integer[]::new);
        int written = new DossierZip(pool, 4).write(ByteArrayOutputStream.nullOutputStream(), Arrays.asList(items).iterator(),
                i -> i + ".pdf", i -> {
                    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    return new byte[10_000];
                });
        assertThat(written).isEqualTo(200);
        assertThat(peak.get()).isBetween(1, 4);
    }

    @Test
    void aFailedDossierFailsTheBatch() {
        assertThatThrownBy(() -> new DossierZip(pool, 2).write(ByteArrayOutputStream.nullOutputStream(),
                List.of(1, 2, 3).iterator(), i -> i + ".pdf", i -> {
                    if (i == 2) {
                        throw new IllegalStateException("boom");
                    }
                    return new byte[1];
                })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }
}
