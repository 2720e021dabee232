package org.zhsz.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** A phone photo with GPS coordinates loses them, keeps its orientation, and still decodes to the same image. */
class JpegScrubberTests {

    static byte[] plainJpeg() throws IOException {
        BufferedImage img = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    /** EXIF with Orientation=6 and a GPS IFD holding latitude 35°29'N (泾源县), little-endian. */
    static byte[] exifWithGps() {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        // TIFF header, IFD0 at 8
        t.writeBytes(new byte[]{'I', 'I', 42, 0, 8, 0, 0, 0});
        // IFD0: 2 entries: Orientation (0x0112) SHORT 6; GPSInfo (0x8825) LONG -> 38
        t.writeBytes(new byte[]{2, 0});
        t.writeBytes(new byte[]{0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0});
        t.writeBytes(new byte[]{0x25, (byte) 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0});
        t.writeBytes(new byte[]{0, 0, 0, 0}); // next IFD
        // GPS IFD at 38: 2 entries: GPSLatitudeRef 'N', GPSLatitude RATIONAL x3 at 68
        t.writeBytes(new byte[]{2, 0});
        t.writeBytes(new byte[]{1, 0, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0});
        t.writeBytes(new byte[]{2, 0, 5, 0, 3, 0, 0, 0, 68, 0, 0, 0});
        t.writeBytes(new byte[]{0, 0, 0, 0});
        // 3 rationals: 35/1, 29/1, 0/1
        t.writeBytes(new byte[]{35, 0, 0, 0, 1, 0, 0, 0, 29, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0});
        byte[] tiff = t.toByteArray();
        ByteArrayOutputStream app1 = new ByteArrayOutputStream();
        int len = 2 + 6 + tiff.length;
        app1.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len, 'E', 'x', 'i', 'f', 0, 0});
        app1.writeBytes(tiff);
        return app1.toByteArray();
    }

    static byte[] withExif(byte[] jpeg, byte[] app1) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(app1);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void removesLocationKeepsOrientationAndPixels() throws IOException {
        byte[] original = withExif(plainJpeg(), exifWithGps());
        byte[] gpsPointer = {0x25, (byte) 0x88};
        assertThat(indexOf(original, gpsPointer)).isPositive();

        byte[] clean = JpegScrubber.scrub(original);

        assertThat(indexOf(clean, gpsPointer)).as("GPS IFD pointer").isEqualTo(-1);
        assertThat(indexOf(clean, new byte[]{35, 0, 0, 0, 1, 0, 0, 0, 29, 0, 0, 0})).as("latitude").isEqualTo(-1);
        int exif = indexOf(clean, new byte[]{'E', 'x', 'i', 'f', 0, 0});
        assertThat(exif).isPositive();
        assertThat(JpegScrubber.orientation(clean, exif + 6, clean.length - exif - 6)).isEqualTo(6);
        BufferedImage a = ImageIO.read(new java.io.ByteArrayInputStream(original));
        BufferedImage b = ImageIO.read(new java.io.ByteArrayInputStream(clean));
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getRGB(3, 3)).isEqualTo(a.getRGB(3, 3));
    }

    @Test
    void aPhotoWithoutMetadataIsUnchangedInContent() throws IOException {
        byte[] plain = plainJpeg();
        byte[] clean = JpegScrubber.scrub(plain);
        assertThat(indexOf(clean, new byte[]{'E', 'x', 'i', 'f'})).isEqualTo(-1);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(clean)).getRGB(3, 3))
                .isEqualTo(ImageIO.read(new java.io.ByteArrayInputStream(plain)).getRGB(3, 3));
    }
}
