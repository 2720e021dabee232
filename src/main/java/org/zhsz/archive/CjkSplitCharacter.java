package org.zhsz.archive;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import com.lowagie.text.SplitCharacter;

/**
 * Line breaking for Chinese (避头尾): OpenPDF may break after any CJK character, which puts "）" or "，" at the
 * start of a line and leaves "（" or "《" dangling at the end of one. This keeps closing punctuation with the
 * character before it and opening punctuation with the one after it, and otherwise defers to OpenPDF.
 */
final class CjkSplitCharacter implements SplitCharacter {

    static final CjkSplitCharacter INSTANCE = new CjkSplitCharacter();

    /** Must not start a line. */
    private static final String CLOSING = "，。、；：！？）》」』】〕〉”’…—·％‰,.;:!?)]}%";
    /** Must not end a line. */
    private static final String OPENING = "（《「『【〔〈“‘([{";

    private CjkSplitCharacter() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = charAt(current, cc, ck);
        if (c < 0x80 && current + 1 < end && cc[current + 1] < 0x80) {
            return DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck); // Latin text
        }
        if (OPENING.indexOf(c) >= 0) {
            return false;
        }
        if (current + 1 < end && CLOSING.indexOf(charAt(current + 1, cc, ck)) >= 0) {
            return false;
        }
        if (c >= 0x3000 && CLOSING.indexOf(c) >= 0 || c >= 0xFF00 && c < 0xFF61) {
            return true; // after full-width punctuation (OpenPDF's default refuses U+FF00–FF60, e.g. "，" and "）")
        }
        // OpenPDF's DefaultSplitCharacter, without fetching the character again
        if (c <= ' ' || c == '-' || c == '\u2010') {
            return true;
        }
        if (c < 0x2002) {
            return false;
        }
        return c <= 0x200b
                || c >= 0x2e80 && c < 0xd7a0
                || c >= 0xf900 && c < 0xfb00
                || c >= 0xfe30 && c < 0xfe50
                || c >= 0xff61 && c < 0xffa0;
    }

    private static char charAt(int i, char[] cc, PdfChunk[] ck) {
        if (ck == null) {
            return cc[i];
        }
        return (char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]);
    }
}
