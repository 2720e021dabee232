package org.zhsz.platform;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;

/**
 * The CJK fonts every PDF of the platform uses (dossiers, account slips), read from the class path once per JVM
 * and shared by every render.
 *
 * <p>Fonts are created from bytes, not paths: OpenPDF reads a path-based font byte by byte, about 20 times
 * slower. Sharing one {@link BaseFont} between threads is safe: after construction it is only read, glyph
 * use is tracked per {@code PdfWriter}, and subsetting copies the font's {@code RandomAccessFileOrArray}
 * (own file pointer over the shared array).
 *
 * <p>wqy-microhei lacks CJK Extension A (e.g. 䶮 U+4DAE), and OpenPDF drops a glyph the font lacks without a
 * word, so every text goes through a {@link FontSelector} that falls back to Droid Sans Fallback Full, the
 * design wqy is based on. See {@code src/main/resources/fonts/README.md}.
 */
public final class CjkFonts {

    public static final String PRIMARY_RESOURCE = "/fonts/wqy-microhei.ttc";
    public static final String FALLBACK_RESOURCE = "/fonts/DroidSansFallbackFull-ExtA.ttf";

    private CjkFonts() {
    }

    /** WenQuanYi Micro Hei (face 0 of the collection). */
    public static BaseFont primary() {
        return Holder.PRIMARY;
    }

    /** Droid Sans Fallback Full, for what the primary lacks. */
    public static BaseFont fallback() {
        return Holder.FALLBACK;
    }

    /** True if one of the fonts can draw this code point. */
    public static boolean canDisplay(int codePoint) {
        return Holder.PRIMARY.charExists(codePoint) || Holder.FALLBACK.charExists(codePoint);
    }

    /**
     * A selector that splits text into chunks of the primary font and the fallback. A selector is only read
     * after construction, so one instance may be shared between threads and documents; build them once.
     */
    public static FontSelector selector(float size, int style, Color color) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(Holder.PRIMARY, size, style, color));
        selector.addFont(new Font(Holder.FALLBACK, size, style, color));
        return selector;
    }

    private static final class Holder {
        static final BaseFont PRIMARY = create("wqy-microhei.ttc,0", PRIMARY_RESOURCE);
        static final BaseFont FALLBACK = create("DroidSansFallbackFull-ExtA.ttf", FALLBACK_RESOURCE);

        private static BaseFont create(String name, String resource) {
            try (InputStream in = CjkFonts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the class path: " + resource);
                }
                byte[] bytes = in.readAllBytes();
                // cached=false: the bytes are held here, not in OpenPDF's static name cache
                BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
                font.setSubset(true);
                font.setCompressionLevel(1);
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (com.lowagie.text.DocumentException e) {
                throw new IllegalStateException("cannot read font " + resource, e);
            }
        }
    }
}
