package org.zhsz.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes metadata (location above all) from JPEG, PNG and WebP files by rewriting their container, without
 * decoding the pixels: what is kept is only what a viewer needs to draw the image the same way.
 *
 * <ul>
 * <li><b>JPEG</b>: the whole file is walked, marker by marker and through every scan's entropy-coded data, so
 * metadata between the scans of a progressive JPEG is found as well as at the start. Every APPn and COM segment
 * is dropped except the JFIF header (its thumbnail removed), an ICC colour profile and Adobe's colour-transform
 * flag; everything after the first image's EOI is dropped (the further images of a multi-picture file, MPF, which
 * carry their own EXIF, and vendor trailers). An EXIF orientation is written back as a minimal EXIF segment
 * holding nothing else, so the photo still shows upright.</li>
 * <li><b>PNG</b>: only the chunks that affect how the image looks are kept (IHDR, PLTE, IDAT, IEND, tRNS, colour
 * and gamma information, pHYs, animation chunks); tEXt, zTXt, iTXt, eXIf, tIME and private chunks go, and so
 * does anything after IEND.</li>
 * <li><b>WebP</b>: the EXIF and XMP chunks and unknown chunks are dropped, the VP8X flags say so, and the RIFF
 * size is recomputed; bytes after the RIFF end are dropped.</li>
 * </ul>
 * A file that is not well-formed is refused ({@link IllegalArgumentException}) rather than passed on unchecked.
 * Pure byte handling, unit-tested with files built in the tests.
 */
public final class ImageMetadata {

    private ImageMetadata() {
    }

    /** Strips {@code bytes} of the given content type; other types (PDF) are returned as they are. */
    public static byte[] strip(byte[] bytes, String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> stripJpeg(bytes);
            case "image/png" -> stripPng(bytes);
            case "image/webp" -> stripWebp(bytes);
            default -> bytes;
        };
    }

    // ------------------------------------------------------------------------------------------------ JPEG

    public static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }

    public static byte[] stripJpeg(byte[] in) {
        if (!isJpeg(in)) {
            throw new IllegalArgumentException("not a JPEG");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
        int orientation = 0;
        boolean sawScan = false;
        int jfifEnd = -1; // where a minimal EXIF goes: after the JFIF header, if any
        int pos = 2;
        while (pos < in.length) {
            if ((in[pos] & 0xff) != 0xFF) {
                throw new IllegalArgumentException("corrupt JPEG: no marker at " + pos);
            }
            while (pos + 1 < in.length && (in[pos + 1] & 0xff) == 0xFF) {
                pos++; // fill bytes before a marker
            }
            if (pos + 1 >= in.length) {
                break;
            }
            int marker = in[pos + 1] & 0xff;
            if (marker == 0xD9) { // EOI: the end of the (first) image; whatever follows is dropped
                body.write(0xFF);
                body.write(0xD9);
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                body.write(in, pos, 2);
                pos += 2;
                continue;
            }
            if (marker == 0x00 || marker == 0xD8) {
                throw new IllegalArgumentException("corrupt JPEG: unexpected marker at " + pos);
            }
            if (pos + 4 > in.length) {
                throw new IllegalArgumentException("corrupt JPEG: truncated segment");
            }
            int len = ((in[pos + 2] & 0xff) << 8) | (in[pos + 3] & 0xff);
            if (len < 2 || pos + 2 + len > in.length) {
                throw new IllegalArgumentException("corrupt JPEG: segment runs past the end");
            }
            int payload = pos + 4;
            int payloadLen = len - 2;
            if (marker == 0xDA) { // SOS: header, then entropy-coded data up to the next real marker
                sawScan = true;
                body.write(in, pos, 2 + len);
                int end = endOfScan(in, pos + 2 + len);
                body.write(in, pos + 2 + len, end - (pos + 2 + len));
                pos = end;
                continue;
            }
            if (marker == 0xE0) {
                if (jfifEnd < 0 && startsWith(in, payload, payloadLen, "JFIF\0") && payloadLen >= 14) {
                    // the JFIF header without its (optional) thumbnail
                    body.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE0, 0, 16});
                    body.write(in, payload, 12);
                    body.write(0);
                    body.write(0);
                    jfifEnd = body.size();
                }
            } else if (marker == 0xE1) {
                if (orientation == 0 && startsWith(in, payload, payloadLen, "Exif\0\0")) {
                    orientation = orientation(in, payload + 6, payloadLen - 6);
                }
            } else if (marker == 0xE2) {
                if (startsWith(in, payload, payloadLen, "ICC_PROFILE\0")) {
                    body.write(in, pos, 2 + len);
                }
            } else if (marker == 0xEE) {
                if (payloadLen == 12 && startsWith(in, payload, payloadLen, "Adobe")) {
                    body.write(in, pos, 2 + len);
                }
            } else if (!(marker >= 0xE3 && marker <= 0xEF) && marker != 0xFE) {
                body.write(in, pos, 2 + len); // SOFn, DHT, DQT, DRI, DNL, DAC …: the image itself
            }
            pos += 2 + len;
        }
        if (!sawScan) {
            throw new IllegalArgumentException("corrupt JPEG: no image data");
        }
        byte[] b = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 40);
        out.write(0xFF);
        out.write(0xD8);
        int insertAt = Math.max(jfifEnd, 0);
        out.write(b, 0, insertAt);
        if (orientation >= 2 && orientation <= 8) {
            out.writeBytes(minimalExif(orientation));
        }
        out.write(b, insertAt, b.length - insertAt);
        return out.toByteArray();
    }

    /** The position of the marker that ends the entropy-coded data starting at {@code from} (or the end). */
    private static int endOfScan(byte[] in, int from) {
        int i = from;
        while (i + 1 < in.length) {
            if ((in[i] & 0xff) != 0xFF) {
                i++;
                continue;
            }
            int next = in[i + 1] & 0xff;
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                i += 2; // a stuffed 0xFF or a restart marker: still scan data
            } else if (next == 0xFF) {
                i++; // fill byte
            } else {
                return i;
            }
        }
        return in.length;
    }

    private static boolean startsWith(byte[] b, int off, int len, String ascii) {
        byte[] p = ascii.getBytes(StandardCharsets.ISO_8859_1);
        if (len < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (b[off + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    /** Tag 0x0112 of IFD0 of the TIFF structure at {@code off}; 0 when absent or unreadable. */
    public static int orientation(byte[] b, int off, int len) {
        if (len < 8 || off < 0 || off + len > b.length) {
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

    // ------------------------------------------------------------------------------------------------ PNG

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /** Chunks that change how the image is drawn; everything else is metadata or private data. */
    private static final Set<String> PNG_KEEP = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA",
            "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT");

    public static boolean isPng(byte[] b) {
        if (b.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (b[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    public static byte[] stripPng(byte[] in) {
        if (!isPng(in)) {
            throw new IllegalArgumentException("not a PNG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int i = 8;
        boolean end = false;
        boolean first = true;
        while (!end) {
            if (i + 12 > in.length) {
                throw new IllegalArgumentException("corrupt PNG: truncated chunk");
            }
            long len = ((long) (in[i] & 0xff) << 24) | ((in[i + 1] & 0xff) << 16) | ((in[i + 2] & 0xff) << 8)
                    | (in[i + 3] & 0xff);
            if (len > in.length - i - 12L) {
                throw new IllegalArgumentException("corrupt PNG: chunk runs past the end");
            }
            String type = new String(in, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (first && !type.equals("IHDR")) {
                throw new IllegalArgumentException("corrupt PNG: IHDR is not first");
            }
            first = false;
            boolean critical = Character.isUpperCase(type.charAt(0));
            if (PNG_KEEP.contains(type)) {
                out.write(in, i, (int) len + 12);
            } else if (critical) {
                throw new IllegalArgumentException("unknown critical PNG chunk " + type);
            }
            end = type.equals("IEND");
            i += (int) len + 12;
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ WebP

    private static final Set<String> WEBP_KEEP = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");

    public static boolean isWebp(byte[] b) {
        return b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W'
                && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }

    public static byte[] stripWebp(byte[] in) {
        if (!isWebp(in)) {
            throw new IllegalArgumentException("not a WebP");
        }
        long riffSize = u32(in, 4, true);
        if (riffSize < 4 || riffSize + 8 > in.length) {
            throw new IllegalArgumentException("corrupt WebP: RIFF size");
        }
        int end = (int) riffSize + 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.writeBytes(new byte[]{'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'});
        int i = 12;
        boolean image = false;
        int vp8xAt = -1;
        while (i < end) {
            if (i + 8 > end) {
                throw new IllegalArgumentException("corrupt WebP: truncated chunk");
            }
            String type = new String(in, i, 4, StandardCharsets.ISO_8859_1);
            long size = u32(in, i + 4, true);
            if (size > end - i - 8L) {
                throw new IllegalArgumentException("corrupt WebP: chunk runs past the end");
            }
            int total = 8 + (int) size;
            boolean odd = (size & 1) == 1;
            if (odd && i + total < end) {
                total++; // the pad byte
            }
            if (WEBP_KEEP.contains(type)) {
                if (type.equals("VP8X")) {
                    if (size < 10) {
                        throw new IllegalArgumentException("corrupt WebP: VP8X");
                    }
                    vp8xAt = out.size();
                }
                image |= type.equals("VP8 ") || type.equals("VP8L") || type.equals("ANMF");
                out.write(in, i, total);
                if (odd && total == 8 + size) {
                    out.write(0); // the pad byte was missing at the very end
                }
            }
            i += total;
        }
        if (!image) {
            throw new IllegalArgumentException("corrupt WebP: no image data");
        }
        byte[] b = out.toByteArray();
        if (vp8xAt >= 0) {
            b[vp8xAt + 8] &= (byte) ~(0x08 | 0x04); // no EXIF, no XMP
        }
        int riff = b.length - 8;
        b[4] = (byte) riff;
        b[5] = (byte) (riff >> 8);
        b[6] = (byte) (riff >> 16);
        b[7] = (byte) (riff >> 24);
        return b;
    }
}
