package org.zhsz.platform;

/**
 * The one rule for text people type into the platform. Refused: control characters (NUL and the rest of C0,
 * DEL, C1; newline, carriage return and tab only in a {@link MultiLine} field), unpaired surrogates (not text at
 * all), bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, which make a name read differently
 * from what it is), noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF …) and text made only of invisible characters
 * (zero-width spaces, joiners, fillers, ideographic or no-break spaces: looks empty, is not). Chinese text, emoji
 * (with their joiners and variation selectors), punctuation and ordinary spaces are fine.
 *
 * <p>Every JSON string of a request body goes through it (see {@code platform.web.SafeTextModule}); other input
 * (form fields, spreadsheet cells) calls {@link #require(String, String, boolean)} or {@link #check}.
 */
public final class SafeText {

    /** Why a text was refused; {@code code} is the field-error code ({@code field.<code>} in the bundles). */
    public enum Problem {
        CONTROL_CHARACTER("text_control"),
        LINE_BREAK("text_line_break"),
        UNPAIRED_SURROGATE("text_surrogate"),
        BIDI_CONTROL("text_bidi"),
        NONCHARACTER("text_noncharacter"),
        INVISIBLE_ONLY("text_invisible");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private SafeText() {
    }

    /** The first problem of {@code text}, or null when it is acceptable (null and "" are acceptable here). */
    public static Problem check(CharSequence text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        boolean visible = false;
        boolean invisible = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return Problem.UNPAIRED_SURROGATE;
                }
                cp = Character.toCodePoint(c, text.charAt(++i));
            } else if (Character.isLowSurrogate(c)) {
                return Problem.UNPAIRED_SURROGATE;
            }
            if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029) {
                if (!multiLine) {
                    return cp == '\t' ? Problem.CONTROL_CHARACTER : Problem.LINE_BREAK;
                }
                continue;
            }
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
                return Problem.CONTROL_CHARACTER;
            }
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                return Problem.BIDI_CONTROL;
            }
            if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
                return Problem.NONCHARACTER;
            }
            if (cp == ' ') {
                continue;
            }
            if (isInvisible(cp)) {
                invisible = true;
            } else {
                visible = true;
            }
        }
        return invisible && !visible ? Problem.INVISIBLE_ONLY : null;
    }

    /** Throws the 422 problem naming {@code field} when {@code text} is refused. */
    public static void require(String field, String text, boolean multiLine) {
        Problem p = check(text, multiLine);
        if (p != null) {
            throw Problems.invalid(field, p.code(), message(p));
        }
    }

    /** An English fallback; the caller's language comes from {@code field.<code>} in the messages bundles. */
    public static String message(Problem p) {
        return switch (p) {
            case CONTROL_CHARACTER -> "contains a control character";
            case LINE_BREAK -> "must be a single line";
            case UNPAIRED_SURROGATE -> "contains a broken character (unpaired surrogate)";
            case BIDI_CONTROL -> "contains a text-direction override character";
            case NONCHARACTER -> "contains a character that is not text";
            case INVISIBLE_ONLY -> "contains only invisible characters";
        };
    }

    /**
     * Characters that show nothing on their own: format characters (zero-width space and joiners, word joiner,
     * BOM, soft hyphen, tags …), whitespace other than the plain space, fillers and blanks that fonts draw empty,
     * and variation selectors / the combining grapheme joiner.
     */
    static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.SPACE_SEPARATOR) {
            return true;
        }
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800 || cp == 0x034F
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x180B && cp <= 0x180F);
    }
}
