package org.zhsz.archive;

import java.awt.Color;

import org.zhsz.platform.CjkFonts;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;

/** The dossier's CJK fonts: the platform's shared {@link CjkFonts} (loaded once per JVM, with the Ext-A fallback). */
final class DossierFonts {

    static final String PRIMARY_RESOURCE = CjkFonts.PRIMARY_RESOURCE;
    static final String FALLBACK_RESOURCE = CjkFonts.FALLBACK_RESOURCE;

    private DossierFonts() {
    }

    /** WenQuanYi Micro Hei (face 0 of the collection). */
    static BaseFont primary() {
        return CjkFonts.primary();
    }

    /** Droid Sans Fallback Full, for what the primary lacks. */
    static BaseFont fallback() {
        return CjkFonts.fallback();
    }

    /** True if one of the dossier fonts can draw this code point. */
    static boolean canDisplay(int codePoint) {
        return CjkFonts.canDisplay(codePoint);
    }

    /** A selector over the primary font and the fallback; build once, share freely. */
    static FontSelector selector(float size, int style, Color color) {
        return CjkFonts.selector(size, style, color);
    }
}
