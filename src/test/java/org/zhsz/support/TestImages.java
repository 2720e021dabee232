package org.zhsz.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Image files as phones and cameras write them, built in the test: JPEGs with EXIF GPS at the start, between the
 * scans of a progressive JPEG, in an appended second image (multi-picture files) or in a trailer; PNGs with text,
 * XMP, eXIf and private chunks; WebP with EXIF and XMP chunks. The GPS latitude is always 35°29'N (泾源县).
 */
public final class TestImages {

    /** The latitude rationals 35/1, 29/1, 0/1 (little-endian), as they sit in the GPS IFD. */
    public static final byte[] LATITUDE = {35, 0, 0, 0, 1, 0, 0, 0, 29, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0};
    public static final String XMP_GPS = "<exif:GPSLatitude>35,29.0N</exif:GPSLatitude>";

    private TestImages() {
    }

    public static BufferedImage picture() {
        BufferedImage img = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                img.setRGB(x, y, x < 24 ? 0xC03020 : 0x2050C0);
            }
        }
        return img;
    }

    public static byte[] plainJpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(), "jpg", out);
        return out.toByteArray();
    }

    public static byte[] progressiveJpeg() throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(picture(), null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** EXIF with Orientation=6 and a GPS IFD holding latitude 35°29'N, little-endian, as an APP1 segment. */
    public static byte[] exifWithGps() {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.writeBytes(new byte[]{'I', 'I', 42, 0, 8, 0, 0, 0});
        t.writeBytes(new byte[]{2, 0});
        t.writeBytes(new byte[]{0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0});
        t.writeBytes(new byte[]{0x25, (byte) 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0});
        t.writeBytes(new byte[]{0, 0, 0, 0});
        t.writeBytes(new byte[]{2, 0});
        t.writeBytes(new byte[]{1, 0, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0});
        t.writeBytes(new byte[]{2, 0, 5, 0, 3, 0, 0, 0, 68, 0, 0, 0});
        t.writeBytes(new byte[]{0, 0, 0, 0});
        t.writeBytes(LATITUDE);
        return segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), t.toByteArray()));
    }

    public static byte[] xmpWithGps() {
        return segment(0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:RDF><rdf:Description>" + XMP_GPS
                + "</rdf:Description></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] comment(String text) {
        return segment(0xFE, text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] segment(int marker, byte[] payload) {
        int len = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) marker, (byte) (len >> 8), (byte) len});
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** The JPEG with {@code segments} right after SOI. */
    public static byte[] withSegments(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    public static byte[] withExif(byte[] jpeg, byte[] app1) {
        return withSegments(jpeg, app1);
    }

    /** The position of the n-th (0-based) SOS marker, found by walking the segments and scans. */
    public static int scanStart(byte[] jpeg, int n) {
        int pos = 2;
        int seen = 0;
        while (pos + 4 <= jpeg.length) {
            int marker = jpeg[pos + 1] & 0xff;
            int len = ((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff);
            if (marker == 0xDA) {
                if (seen++ == n) {
                    return pos;
                }
                int i = pos + 2 + len;
                while (!((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) != 0 && ((jpeg[i + 1] & 0xff) < 0xD0
                        || (jpeg[i + 1] & 0xff) > 0xD7))) {
                    i++;
                }
                pos = i;
            } else {
                pos += 2 + len;
            }
        }
        throw new IllegalArgumentException("no scan " + n);
    }

    /** {@code segments} inserted before the {@code n}-th scan (metadata between the scans of a progressive JPEG). */
    public static byte[] beforeScan(byte[] jpeg, int n, byte[]... segments) {
        int at = scanStart(jpeg, n);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** A multi-picture file: the first image with an MPF APP2 index, then a second JPEG (with EXIF GPS) appended. */
    public static byte[] multiPicture() throws IOException {
        byte[] mpf = segment(0xE2, concat("MPF\0".getBytes(StandardCharsets.ISO_8859_1), new byte[]{'I', 'I', '*', 0,
                8, 0, 0, 0, 0, 0, 0, 0}));
        byte[] first = withSegments(plainJpeg(), mpf);
        byte[] second = withSegments(plainJpeg(), exifWithGps(), xmpWithGps());
        return concat(first, second);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static int indexOf(byte[] hay, byte[] needle) {
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

    public static boolean contains(byte[] hay, String ascii) {
        return indexOf(hay, ascii.getBytes(StandardCharsets.UTF_8)) >= 0;
    }

    public static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    // ------------------------------------------------------------------------------------------------ PNG

    public static byte[] plainPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(), "png", out);
        return out.toByteArray();
    }

    public static byte[] pngChunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = data.length;
        out.writeBytes(new byte[]{(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n});
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        out.writeBytes(new byte[]{(byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c});
        return out.toByteArray();
    }

    /** A PNG with metadata chunks after IHDR and before IEND, and bytes after IEND. */
    public static byte[] pngWithMetadata() throws IOException {
        byte[] png = plainPng();
        int afterIhdr = 8 + 25;
        int iend = png.length - 12;
        byte[] head = java.util.Arrays.copyOfRange(png, 0, afterIhdr);
        byte[] middle = java.util.Arrays.copyOfRange(png, afterIhdr, iend);
        byte[] tail = java.util.Arrays.copyOfRange(png, iend, png.length);
        return concat(head,
                pngChunk("tEXt", "Comment\0GPS 35.48N 106.33E".getBytes(StandardCharsets.ISO_8859_1)),
                pngChunk("iTXt", ("XML:com.adobe.xmp\0\0\0\0\0" + XMP_GPS).getBytes(StandardCharsets.UTF_8)),
                pngChunk("eXIf", concat(new byte[]{'I', 'I', 42, 0, 8, 0, 0, 0}, LATITUDE)),
                pngChunk("tIME", new byte[]{0x07, (byte) 0xEA, 11, 3, 8, 30, 0}),
                pngChunk("zTXt", "Author\0\0x".getBytes(StandardCharsets.ISO_8859_1)),
                pngChunk("prVt", "device-serial-123456".getBytes(StandardCharsets.ISO_8859_1)),
                middle, tail, "GPS-after-IEND".getBytes(StandardCharsets.ISO_8859_1));
    }

    // ------------------------------------------------------------------------------------------------ WebP

    private static byte[] le32(int v) {
        return new byte[]{(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    public static byte[] riffChunk(String type, byte[] data) {
        byte[] c = concat(type.getBytes(StandardCharsets.ISO_8859_1), le32(data.length), data);
        return (data.length & 1) == 1 ? concat(c, new byte[]{0}) : c;
    }

    /** A 1×1 lossless bitstream (VP8L). */
    public static final byte[] VP8L_1X1 = {0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88,
            (byte) 0xfe, 0x07};

    /** An extended WebP: VP8X (flags say EXIF and XMP), ICCP, the image, EXIF with GPS, XMP with GPS. */
    public static byte[] webpWithMetadata() {
        byte[] vp8x = {0x2C, 0, 0, 0, 0, 0, 0, 0, 0, 0}; // ICC 0x20 | EXIF 0x08 | XMP 0x04; canvas 1×1
        byte[] body = concat("WEBP".getBytes(StandardCharsets.ISO_8859_1),
                riffChunk("VP8X", vp8x),
                riffChunk("ICCP", new byte[]{1, 2, 3}),
                riffChunk("VP8L", VP8L_1X1),
                riffChunk("EXIF", concat(new byte[]{'I', 'I', 42, 0, 8, 0, 0, 0}, LATITUDE)),
                riffChunk("XMP ", XMP_GPS.getBytes(StandardCharsets.UTF_8)));
        return concat("RIFF".getBytes(StandardCharsets.ISO_8859_1), le32(body.length), body,
                "trailing-GPS".getBytes(StandardCharsets.ISO_8859_1));
    }
}
