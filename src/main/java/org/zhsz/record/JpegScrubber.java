package org.zhsz.record;

import java.io.ByteArrayOutputStream;

/**
 * Removes location (and every other metadata segment) from a JPEG while keeping how it is displayed: the EXIF,
 * XMP and comment segments are dropped and, if the photo had an EXIF orientation, a minimal EXIF segment with
 * only that orientation is written back. Pure byte handling; unit-tested with a GPS-tagged photo.
 */
final class JpegScrubber {

    private JpegScrubber() {
    }

    static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }

    static byte[] scrub(byte[] in) {
        if (!isJpeg(in)) {
            throw new IllegalArgumentException("not a JPEG");
        }
        int orientation = 0;
        ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
        int pos = 2;
        while (pos + 4 <= in.length) {
            if ((in[pos] & 0xff) != 0xFF) {
                throw new IllegalArgumentException("corrupt JPEG");
            }
            int marker = in[pos + 1] & 0xff;
            if (marker == 0xD9 || marker == 0xDA) {
                // start of scan (or end): the rest is image data, copied as is
                body.write(in, pos, in.length - pos);
                pos = in.length;
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                body.write(in, pos, 2);
                pos += 2;
                continue;
            }
            int len = ((in[pos + 2] & 0xff) << 8) | (in[pos + 3] & 0xff);
            if (len < 2 || pos + 2 + len > in.length) {
                throw new IllegalArgumentException("corrupt JPEG segment");
            }
            boolean app1 = marker == 0xE1;
            boolean comment = marker == 0xFE;
            boolean appN = marker >= 0xE2 && marker <= 0xEF && marker != 0xE2; // keep APP2 (ICC colour profile)
            if (app1) {
                if (isExif(in, pos + 4, len - 2)) {
                    orientation = orientation(in, pos + 4 + 6, len - 2 - 6);
                }
            } else if (!comment && !appN) {
                body.write(in, pos, 2 + len);
            }
            pos += 2 + len;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xFF);
        out.write(0xD8);
        byte[] b = body.toByteArray();
        // keep JFIF (APP0) first if present, then the minimal EXIF
        int insertAt = 0;
        if (b.length > 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xE0) {
            insertAt = 2 + (((b[2] & 0xff) << 8) | (b[3] & 0xff));
        }
        out.write(b, 0, insertAt);
        if (orientation >= 1 && orientation <= 8) {
            out.writeBytes(minimalExif(orientation));
        }
        out.write(b, insertAt, b.length - insertAt);
        return out.toByteArray();
    }

    private static boolean isExif(byte[] b, int off, int len) {
        return len >= 6 && b[off] == 'E' && b[off + 1] == 'x' && b[off + 2] == 'i' && b[off + 3] == 'f'
                && b[off + 4] == 0 && b[off + 5] == 0;
    }

    /** Reads tag 0x0112 from IFD0 of the TIFF structure at {@code off}; 0 if absent or unreadable. */
    static int orientation(byte[] b, int off, int len) {
        if (len < 8) {
            return 0;
        }
        boolean little = b[off] == 'I' && b[off + 1] == 'I';
        if (!little && !(b[off] == 'M' && b[off + 1] == 'M')) {
            return 0;
        }
        long ifd = u32(b, off + 4, little);
        if (ifd < 8 || ifd + 2 > len) {
            return 0;
        }
        int entries = u16(b, off + (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int e = off + (int) ifd + 2 + i * 12;
            if (e + 12 > off + len) {
                return 0;
            }
            if (u16(b, e, little) == 0x0112) {
                return u16(b, e + 8, little);
            }
        }
        return 0;
    }

    private static byte[] minimalExif(int orientation) {
        // APP1 "Exif\0\0" + big-endian TIFF with one IFD0 entry: Orientation (SHORT, 1)
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0};
        int len = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xff);
        out.writeBytes(new byte[]{'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        return out.toByteArray();
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 : (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    private static long u32(byte[] b, int i, boolean little) {
        return little ? (long) u16(b, i, true) | (long) u16(b, i + 2, true) << 16
                : (long) u16(b, i, false) << 16 | u16(b, i + 2, false);
    }
}
