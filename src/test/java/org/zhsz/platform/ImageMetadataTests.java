package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhsz.support.TestImages.LATITUDE;
import static org.zhsz.support.TestImages.XMP_GPS;
import static org.zhsz.support.TestImages.contains;
import static org.zhsz.support.TestImages.indexOf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhsz.support.TestImages;

/**
 * Photos lose every piece of metadata wherever it sits in the file — at the start, between the scans of a
 * progressive JPEG, in the appended images of a multi-picture file, after the end — keep their orientation, and
 * still decode to the same pixels; PNG and WebP lose their text, EXIF and XMP chunks.
 */
class ImageMetadataTests {

    private static void assertNoLocation(byte[] clean) {
        assertThat(indexOf(clean, LATITUDE)).as("GPS latitude rationals").isEqualTo(-1);
        assertThat(indexOf(clean, new byte[]{0x25, (byte) 0x88})).as("GPS IFD pointer").isEqualTo(-1);
        assertThat(contains(clean, "GPS")).as("any GPS text").isFalse();
        assertThat(contains(clean, "35,29")).isFalse();
    }

    private static void assertSamePixels(byte[] original, byte[] clean) throws IOException {
        BufferedImage a = TestImages.decode(original);
        BufferedImage b = TestImages.decode(clean);
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        for (int[] p : new int[][]{{3, 3}, {40, 20}, {24, 16}}) {
            assertThat(b.getRGB(p[0], p[1])).isEqualTo(a.getRGB(p[0], p[1]));
        }
    }

    /** The segment markers of a JPEG, in order, through its scans (as a decoder meets them). */
    private static List<Integer> markers(byte[] jpeg) {
        List<Integer> out = new ArrayList<>();
        int pos = 2;
        while (pos + 1 < jpeg.length) {
            int marker = jpeg[pos + 1] & 0xff;
            out.add(marker);
            if (marker == 0xD9) {
                break;
            }
            int len = ((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff);
            pos += 2 + len;
            if (marker == 0xDA) {
                while (!((jpeg[pos] & 0xff) == 0xFF && (jpeg[pos + 1] & 0xff) != 0 && ((jpeg[pos + 1] & 0xff) < 0xD0
                        || (jpeg[pos + 1] & 0xff) > 0xD7))) {
                    pos++;
                }
            }
        }
        return out;
    }

    private static int orientationOf(byte[] clean) {
        int exif = indexOf(clean, new byte[]{'E', 'x', 'i', 'f', 0, 0});
        return exif < 0 ? 0 : ImageMetadata.orientation(clean, exif + 6, clean.length - exif - 6);
    }

    @Test
    void exifAtTheStartLosesLocationKeepsOrientationAndPixels() throws IOException {
        byte[] original = TestImages.withExif(TestImages.plainJpeg(), TestImages.exifWithGps());
        assertThat(indexOf(original, LATITUDE)).isPositive();
        byte[] clean = ImageMetadata.stripJpeg(original);
        assertNoLocation(clean);
        assertThat(orientationOf(clean)).isEqualTo(6);
        assertSamePixels(original, clean);
    }

    @Test
    void metadataBetweenTheScansOfAProgressiveJpegIsRemoved() throws IOException {
        byte[] progressive = TestImages.progressiveJpeg();
        assertThat(markers(progressive).stream().filter(m -> m == 0xDA).count()).as("scans").isGreaterThan(2);
        byte[] original = TestImages.beforeScan(progressive, 2, TestImages.exifWithGps(), TestImages.xmpWithGps(),
                TestImages.comment("拍摄于泾源县 GPS 35.48N"), TestImages.segment(0xEB, "GPS in APP11".getBytes()));
        assertThat(indexOf(original, LATITUDE)).isPositive();
        assertThat(TestImages.decode(original)).as("a decoder reads the tampered file").isNotNull();

        byte[] clean = ImageMetadata.stripJpeg(original);

        assertNoLocation(clean);
        assertThat(contains(clean, "泾源")).isFalse();
        List<Integer> m = markers(clean);
        assertThat(m).as("no APPn except JFIF/EXIF-orientation, no COM, anywhere")
                .allMatch(x -> x == 0xE0 || x == 0xE1 || x < 0xE0 || (x > 0xEF && x != 0xFE));
        assertThat(m.stream().filter(x -> x == 0xDA).count()).isEqualTo(
                markers(progressive).stream().filter(x -> x == 0xDA).count());
        assertThat(orientationOf(clean)).as("the orientation found between the scans").isEqualTo(6);
        assertSamePixels(progressive, clean);
    }

    @Test
    void theAppendedImagesOfAMultiPictureFileAndTrailersAreDropped() throws IOException {
        byte[] original = TestImages.concat(TestImages.multiPicture(),
                "SEFT trailer GPS 35.48N 106.33E".getBytes(StandardCharsets.US_ASCII));
        assertThat(indexOf(original, LATITUDE)).as("GPS in the second image").isPositive();
        assertThat(contains(original, XMP_GPS)).isTrue();

        byte[] clean = ImageMetadata.stripJpeg(original);

        assertNoLocation(clean);
        assertThat(contains(clean, "MPF")).as("the MPF index").isFalse();
        assertThat(indexOf(Arrays.copyOfRange(clean, 2, clean.length), new byte[]{(byte) 0xFF, (byte) 0xD8}))
                .as("no second image").isEqualTo(-1);
        assertThat(clean[clean.length - 2] & 0xff).isEqualTo(0xFF);
        assertThat(clean[clean.length - 1] & 0xff).as("ends with EOI").isEqualTo(0xD9);
        assertSamePixels(TestImages.plainJpeg(), clean);
    }

    @Test
    void aCleanPhotoKeepsItsImageSegmentsUnchanged() throws IOException {
        byte[] plain = TestImages.plainJpeg();
        byte[] clean = ImageMetadata.stripJpeg(plain);
        assertThat(contains(clean, "Exif")).isFalse();
        assertThat(clean).isEqualTo(plain); // ImageIO writes JFIF without thumbnail, DQT, SOF, DHT, SOS, EOI
    }

    @Test
    void damagedJpegsAreRefused() throws IOException {
        byte[] plain = TestImages.plainJpeg();
        assertThatThrownBy(() -> ImageMetadata.stripJpeg(Arrays.copyOf(plain, 30)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] badLength = plain.clone();
        badLength[4] = (byte) 0xFF; // the JFIF segment claims to run past the end
        badLength[5] = (byte) 0xFF;
        assertThatThrownBy(() -> ImageMetadata.stripJpeg(badLength)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageMetadata.stripJpeg(TestImages.withSegments(new byte[]{(byte) 0xFF, (byte) 0xD8,
                (byte) 0xFF, (byte) 0xD9}))).as("no image data").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pngLosesTextXmpExifTimeAndPrivateChunks() throws IOException {
        byte[] original = TestImages.pngWithMetadata();
        assertThat(TestImages.decode(original)).isNotNull();
        byte[] clean = ImageMetadata.stripPng(original);
        assertNoLocation(clean);
        for (String chunk : new String[]{"tEXt", "iTXt", "zTXt", "eXIf", "tIME", "prVt", "device-serial"}) {
            assertThat(contains(clean, chunk)).as(chunk).isFalse();
        }
        assertThat(contains(clean, "IEND")).isTrue();
        assertThat(new String(clean, clean.length - 8, 4, StandardCharsets.ISO_8859_1)).as("ends with IEND")
                .isEqualTo("IEND");
        assertSamePixels(TestImages.plainPng(), clean);
    }

    @Test
    void aPngWithAnUnknownCriticalChunkOrTruncatedIsRefused() throws IOException {
        byte[] png = TestImages.plainPng();
        assertThatThrownBy(() -> ImageMetadata.stripPng(Arrays.copyOf(png, png.length - 20)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] withCritical = TestImages.concat(Arrays.copyOf(png, 33), TestImages.pngChunk("GPSX", LATITUDE),
                Arrays.copyOfRange(png, 33, png.length));
        assertThatThrownBy(() -> ImageMetadata.stripPng(withCritical)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webpLosesExifAndXmpChunksAndSaysSo() {
        byte[] original = TestImages.webpWithMetadata();
        byte[] clean = ImageMetadata.stripWebp(original);
        assertNoLocation(clean);
        assertThat(contains(clean, "EXIF")).isFalse();
        assertThat(contains(clean, "XMP ")).isFalse();
        assertThat(contains(clean, "trailing")).isFalse();
        // the image and its colour profile are kept, byte for byte
        assertThat(indexOf(clean, TestImages.riffChunk("VP8L", TestImages.VP8L_1X1))).isPositive();
        assertThat(indexOf(clean, TestImages.riffChunk("ICCP", new byte[]{1, 2, 3}))).isPositive();
        int vp8x = indexOf(clean, "VP8X".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(clean[vp8x + 8] & 0xff).as("VP8X flags: ICC only").isEqualTo(0x20);
        int riff = (clean[4] & 0xff) | (clean[5] & 0xff) << 8 | (clean[6] & 0xff) << 16 | (clean[7] & 0xff) << 24;
        assertThat(riff).isEqualTo(clean.length - 8);
    }

    @Test
    void aTruncatedWebpIsRefused() {
        byte[] webp = TestImages.webpWithMetadata();
        assertThatThrownBy(() -> ImageMetadata.stripWebp(Arrays.copyOf(webp, 40)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
