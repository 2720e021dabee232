package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tables on the classpath are the reference tables, and a damaged table stops startup. */
class StandardLoaderTests {

    /** SHA-256 of shared/reference/fitness-2014/tables/*.csv, taken when they were copied. */
    private static final Map<String, String> REFERENCE = Map.ofEntries(
            Map.entry("bmi.csv", "2657f7bc51a1ef363459e150935c0fa563ebdb523f021459ba69fd6c73351943"),
            Map.entry("bonus_pull_ups.csv", "8bc0d9cbe0dd0b4c75a1de1dcd7b77202c38089b1eeb5108f9d36d49412ce19b"),
            Map.entry("bonus_rope_skipping_1min.csv",
                    "3954121a055e41ede5c44187ea5090b6c71e1b677ae73f57c74a3215fec593df"),
            Map.entry("bonus_run_1000m.csv", "f33fdd24a3f086a618ae01ea7ba9fefda63267288db21fe059fa4966790e7f5a"),
            Map.entry("bonus_run_800m.csv", "04fbdff1fcc5c5703ada5bf94d7df99d82174b4a2bc60134b4d2c9b9f995c651"),
            Map.entry("bonus_sit_ups_1min.csv", "7cbebfc25ff9cbf40a0b9c084b5eaec9e3ff961ee3feaddbfacdf94b2b8398d0"),
            Map.entry("pull_ups.csv", "dc278ff9cfb6c309ebe5641f9944b9d09a184c6c332b1798dbfb45d2656a2128"),
            Map.entry("rating_bands.csv", "fe47e7afc226ff28fd1fa4cafda926f48172668ecda8c883700011f99c72d7ba"),
            Map.entry("rope_skipping_1min.csv", "839ae4fe92e1cc11b316b881fea321e9970d92d2ada0d79b486111a3aece260b"),
            Map.entry("run_1000m.csv", "5af83bf284504a7479fd55a3b8b485980dc18ae5dd35e1ce986ee3c6bffc1386"),
            Map.entry("run_50m.csv", "d0e72f55b6828400bda816034dab3203c23d6123eba3e797350dae4f40a0ffbc"),
            Map.entry("run_800m.csv", "0ccab1431f0f9fdfa3fd96483338f025a7b5e68f12368d6ddd69af162f8e24c7"),
            Map.entry("shuttle_50x8.csv", "393796102bb53a17d56396a95f653af73db120b500b4e2a43408a8f162805e18"),
            Map.entry("sit_and_reach.csv", "e09b4ab20010b033ffc7a66e50c54edc767e484c0e090ff0ff91d6f70ef35443"),
            Map.entry("sit_ups_1min.csv", "d6ed41f16cc1a267969f21fcd004f4ddda197a2f7d0def1d035e5d15ebfd3434"),
            Map.entry("standing_long_jump.csv", "1972ca1552d249291423459b492d1f3159a9fa5dd5f826d50b00bf392d3c0ba7"),
            Map.entry("vital_capacity.csv", "d945872d817e61fd7696ebd8c3e3cec654b7dcc0079cf6f4848af22b14f53c87"),
            Map.entry("weights.csv", "7c8722cbf63313d6efe0f322af9f02cca1fe68fa37ffd5180833df42e47f44d2"));

    @TempDir
    Path dir;

    @Test
    void classpathTablesAreExactCopiesOfTheReference() throws Exception {
        for (Map.Entry<String, String> e : REFERENCE.entrySet()) {
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(resource(e.getKey()))))
                    .as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void anIntactCopyLoads() throws Exception {
        Standard s = loadWith("weights.csv", UnaryOperator.identity());
        assertThat(new FitnessScorer(s).score(7, "M", Map.of("pull_ups", 9)).item("pull_ups").score())
                .isEqualTo(80);
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            // two rows swapped: 初一男 pull-ups 85 and 80
            "pull_ups.csv | 男,初一,良好,85,10,10 | 男,初一,良好,85,8,8 | each row must need a worse result",
            "run_50m.csv | 男,一年级,优秀,95,10.3,10.3 | 男,一年级,优秀,95,10.1,10.1 | each row must need a worse result",
            "run_50m.csv | 男,一年级,优秀,100,10.2,10.2 | 男,一年级,优秀,100,3.0,3.0 | plausibility bounds",
            "run_50m.csv | 男,一年级,优秀,95,10.3,10.3 | 男,一年级,优秀,95,10.35,10.35 | printed precision",
            "weights.csv | sit_and_reach,坐位体前屈,30 | sit_and_reach,坐位体前屈,25 | sum to 95",
            "weights.csv | 初中、高中、大学,初一..大四,女,run_800m | 初中、高中、大学,初一..大四,男,run_800m | no table",
            "bmi.csv | 男,一年级,正常,100,13.5 | 男,一年级,正常,100,13.6 | 0.1 above the previous band",
            "bmi.csv | 男,一年级,超重,80 | 男,一年级,肥胖,80 | 低体重, 正常, 超重, 肥胖",
            "bonus_pull_ups.csv | 男,初一,9,9,9,13,22 | 男,初一,8,9,9,13,22 | fall by one",
            "bonus_run_1000m.csv | 235,231,s | 235,232,s | 100-point row plus",
            "bonus_sit_ups_1min.csv | 女,初一,10,13,13,50,63 | 女,初一,10,13,13,51,64 | differs from the item table",
            "rating_bands.csv | 不及格,0.0,59.9 | 不及格,10.0,59.9 | end at 0",
            "vital_capacity.csv | 男,一年级,优秀,100 | 男,十年级,优秀,100 | unknown grade",
    })
    void aDamagedTableIsRejectedWithItsFileAndReason(String file, String from, String to, String reason) {
        assertThatThrownBy(() -> loadWith(file, text -> {
            assertThat(text).as("test setup: %s contains %s", file, from).contains(from);
            return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining(file).hasMessageContaining(reason);
    }

    @Test
    void aMissingTableIsRejected() throws Exception {
        copyAll();
        Files.delete(dir.resolve("fitness/2014/shuttle_50x8.csv"));
        try (URLClassLoader cl = new URLClassLoader(new URL[]{dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> StandardLoader.load(cl, StandardLoader.BASE))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("shuttle_50x8.csv");
        }
    }

    private Standard loadWith(String file, UnaryOperator<String> edit) throws IOException {
        copyAll();
        Path p = dir.resolve("fitness/2014/" + file);
        Files.writeString(p, edit.apply(Files.readString(p, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        try (URLClassLoader cl = new URLClassLoader(new URL[]{dir.toUri().toURL()}, null)) {
            return StandardLoader.load(cl, StandardLoader.BASE);
        }
    }

    private void copyAll() throws IOException {
        Path target = dir.resolve("fitness/2014");
        Files.createDirectories(target);
        for (String name : REFERENCE.keySet()) {
            Files.write(target.resolve(name), resource(name));
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StandardLoaderTests.class.getClassLoader()
                .getResourceAsStream("fitness/2014/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
