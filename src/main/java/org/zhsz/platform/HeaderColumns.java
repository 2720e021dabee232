package org.zhsz.platform;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded sheet's header row read through an importer's column names: each header cell, without a byte-order
 * mark, spaces and case, is looked up in {@code aliases} (header text → field); columns not named there are ignored.
 * The importers (roster, home-task checklists) then take each row's cells by field.
 */
public final class HeaderColumns {

    private final String[] fields;

    private HeaderColumns(String[] fields) {
        this.fields = fields;
    }

    /** {@code aliases}' keys are lower-case and without spaces ("学籍号", "studentno"). */
    public static HeaderColumns of(List<String> header, Map<String, String> aliases) {
        return new HeaderColumns(header.stream().map(c -> c == null ? null
                : aliases.get(c.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replace(" ", "")))
                .toArray(String[]::new));
    }

    /** Whether some column of the header is this field. */
    public boolean has(String field) {
        return Arrays.asList(fields).contains(field);
    }

    /** A row's cells by field, trimmed; cells past the header and in unnamed columns are left out. */
    public Map<String, String> values(List<String> cells) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < cells.size() && i < fields.length; i++) {
            if (fields[i] != null && cells.get(i) != null) {
                values.put(fields[i], cells.get(i).trim());
            }
        }
        return values;
    }
}
