package org.zhsz.health;

/**
 * Text written into CSV/XLSX cells that a spreadsheet could run as a formula (= + - @, tab, CR at the start) gets a
 * leading apostrophe. Numbers are written as numbers and need no guard.
 */
final class SafeCells {

    private SafeCells() {
    }

    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    /** A CSV field: guarded, quoted when it holds a separator, quote or line break. */
    static String csv(String s) {
        String t = text(s);
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            return "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }
}
