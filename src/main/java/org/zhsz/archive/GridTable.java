package org.zhsz.archive;

import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A ruled grid of plain text cells (the dossier's record, basic-data and fitness tables), drawn straight onto
 * the page. OpenPDF lays out every {@code PdfPCell} twice through a {@code ColumnText} (height, then drawing),
 * which made tables most of a dossier's render time; here the text is wrapped once with the fonts' widths and
 * each row is one fixed-height cell of a single-column {@link PdfPTable} whose event draws fills, rules and text.
 * OpenPDF still paginates: rows never split, the header rows repeat on each page, and a row marked
 * {@link #keepWithNext()} travels with the one after it (a dimension heading never ends a page).
 *
 * <p>One instance per table per render; not thread-safe, and needs no sharing.
 */
final class GridTable {

    /** Text style: size, simulated bold, colour. Glyphs come from the primary font, else the fallback. */
    record Style(float size, boolean bold, Color color) {
    }

    record Cell(String text, Style style, int align, Color fill, int colspan) {
        Cell {
            text = text == null ? "" : text;
        }
    }

    private static final float PAD_X = 5f;
    private static final float PAD_TOP = 3.5f;
    private static final float PAD_BOTTOM = 4f;
    private static final float LEADING = 1.35f;
    /** Keeps a pathological cell from growing taller than a page. */
    private static final int MAX_LINES = 30;

    private final float[] widths;
    private final Color rule;
    private final float ruleWidth;
    private final List<List<Row>> blocks = new ArrayList<>();
    private int headerRows;
    private boolean joinNext;

    /**
     * @param relativeWidths column widths, relative
     * @param totalWidth     the table's width in points
     */
    GridTable(float[] relativeWidths, float totalWidth, Color rule, float ruleWidth) {
        float sum = 0;
        for (float w : relativeWidths) {
            sum += w;
        }
        widths = new float[relativeWidths.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = relativeWidths[i] / sum * totalWidth;
        }
        this.rule = rule;
        this.ruleWidth = ruleWidth;
    }

    /** A header row, repeated at the top of each page the table continues on; add before any other row. */
    GridTable header(Cell... cells) {
        row(cells);
        headerRows++;
        return this;
    }

    GridTable row(Cell... cells) {
        Row row = layout(cells);
        if (joinNext && !blocks.isEmpty()) {
            blocks.get(blocks.size() - 1).add(row);
        } else {
            List<Row> block = new ArrayList<>(2);
            block.add(row);
            blocks.add(block);
        }
        joinNext = false;
        return this;
    }

    /** The row added next is kept on the same page as the last one. */
    GridTable keepWithNext() {
        joinNext = true;
        return this;
    }

    PdfPTable build(float spacingBefore, float spacingAfter) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        PdfPTable table = new PdfPTable(1);
        table.setTotalWidth(total);
        table.setLockedWidth(true);
        table.setHeaderRows(headerRows);
        table.setSpacingBefore(spacingBefore);
        table.setSpacingAfter(spacingAfter);
        for (List<Row> block : blocks) {
            float height = 0;
            for (Row r : block) {
                height += r.height;
            }
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0f);
            cell.setFixedHeight(height);
            cell.setCellEvent(new Painter(block));
            table.addCell(cell);
        }
        return table;
    }

    // --- layout ---

    private record Row(Cell[] cells, float[] x, float[] w, List<List<String>> lines, float height) {
    }

    private Row layout(Cell[] cells) {
        float[] x = new float[cells.length];
        float[] w = new float[cells.length];
        List<List<String>> lines = new ArrayList<>(cells.length);
        float height = 0;
        int column = 0;
        float left = 0;
        for (int i = 0; i < cells.length; i++) {
            Cell c = cells[i];
            float width = 0;
            for (int k = 0; k < c.colspan() && column < widths.length; k++) {
                width += widths[column++];
            }
            x[i] = left;
            w[i] = width;
            left += width;
            List<String> wrapped = wrap(c.text(), c.style().size(), width - 2 * PAD_X);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size() * c.style().size() * LEADING + PAD_TOP + PAD_BOTTOM);
        }
        if (column != widths.length) {
            throw new IllegalArgumentException("row spans " + column + " of " + widths.length + " columns");
        }
        return new Row(cells, x, w, lines, height);
    }

    /** Greedy line breaking with the Chinese rules of {@link CjkSplitCharacter}; explicit newlines kept. */
    static List<String> wrap(String text, float size, float width) {
        List<String> out = new ArrayList<>(2);
        for (String paragraph : text.split("\n", -1)) {
            char[] cc = paragraph.toCharArray();
            int start = 0;
            while (start < cc.length && out.size() < MAX_LINES) {
                float used = 0;
                int lastBreak = -1;
                int i = start;
                while (i < cc.length) {
                    int cp = Character.codePointAt(cc, i);
                    int n = Character.charCount(cp);
                    float cw = width(cp, size);
                    if (used + cw > width && i > start) {
                        break;
                    }
                    used += cw;
                    if (CjkSplitCharacter.INSTANCE.isSplitCharacter(start, i + n - 1, cc.length, cc, null)) {
                        lastBreak = i + n;
                    }
                    i += n;
                }
                int end = i >= cc.length ? cc.length : (lastBreak > start ? lastBreak : i);
                out.add(new String(cc, start, end - start).stripTrailing());
                start = end;
                while (start < cc.length && cc[start] == ' ') {
                    start++;
                }
            }
            if (cc.length == 0) {
                out.add("");
            }
        }
        if (out.size() >= MAX_LINES) {
            out.set(MAX_LINES - 1, out.get(MAX_LINES - 1) + "…");
            return out.subList(0, MAX_LINES);
        }
        return out;
    }

    static float width(int codePoint, float size) {
        BaseFont primary = DossierFonts.primary();
        BaseFont font = primary.charExists(codePoint) ? primary : DossierFonts.fallback();
        return font.getWidthPoint(codePoint, size);
    }

    /** Draws one block of rows where OpenPDF placed its cell. */
    private final class Painter implements PdfPCellEvent {
        private final List<Row> block;

        Painter(List<Row> block) {
            this.block = block;
        }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte cb = canvases[PdfPTable.TEXTCANVAS];
            float left = position.getLeft();
            float top = position.getTop();
            for (Row row : block) {
                paint(cb, row, left, top);
                top -= row.height;
            }
        }

        private void paint(PdfContentByte cb, Row row, float left, float top) {
            float bottom = top - row.height;
            // fills first, then one path of rules, then text
            for (int i = 0; i < row.cells.length; i++) {
                Color fill = row.cells[i].fill();
                if (fill != null) {
                    cb.setColorFill(fill);
                    cb.rectangle(left + row.x[i], bottom, row.w[i], row.height);
                    cb.fill();
                }
            }
            cb.setColorStroke(rule);
            cb.setLineWidth(ruleWidth);
            float right = left + row.x[row.cells.length - 1] + row.w[row.cells.length - 1];
            cb.rectangle(left, bottom, right - left, row.height);
            for (int i = 1; i < row.cells.length; i++) {
                cb.moveTo(left + row.x[i], bottom);
                cb.lineTo(left + row.x[i], top);
            }
            cb.stroke();
            for (int i = 0; i < row.cells.length; i++) {
                text(cb, row.cells[i], row.lines.get(i), left + row.x[i], row.w[i], top, row.height);
            }
        }

        private void text(PdfContentByte cb, Cell cell, List<String> lines, float x, float w, float top, float height) {
            Style style = cell.style();
            float size = style.size();
            float leading = size * LEADING;
            // centre the block of lines vertically in the row
            float blockTop = top - PAD_TOP - (height - PAD_TOP - PAD_BOTTOM - lines.size() * leading) / 2f;
            float baseline = blockTop - (leading - size) / 2f - size * 0.86f;
            cb.beginText();
            cb.setColorFill(style.color());
            if (style.bold()) {
                cb.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
                cb.setLineWidth(size / 30f);
                cb.setColorStroke(style.color());
            }
            for (String line : lines) {
                float lineWidth = 0;
                if (cell.align() != Element.ALIGN_LEFT) {
                    for (int i = 0; i < line.length(); ) {
                        int cp = line.codePointAt(i);
                        lineWidth += width(cp, size);
                        i += Character.charCount(cp);
                    }
                }
                float tx = switch (cell.align()) {
                    case Element.ALIGN_CENTER -> x + (w - lineWidth) / 2f;
                    case Element.ALIGN_RIGHT -> x + w - PAD_X - lineWidth;
                    default -> x + PAD_X;
                };
                showRuns(cb, line, size, tx, baseline);
                baseline -= leading;
            }
            if (style.bold()) {
                cb.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL);
            }
            cb.endText();
        }

        /** Shows a line as runs of the primary font and the fallback. */
        private void showRuns(PdfContentByte cb, String line, float size, float x, float y) {
            BaseFont primary = DossierFonts.primary();
            BaseFont fallback = DossierFonts.fallback();
            int i = 0;
            cb.setTextMatrix(x, y);
            while (i < line.length()) {
                int cp = line.codePointAt(i);
                BaseFont font = primary.charExists(cp) ? primary : fallback;
                int j = i + Character.charCount(cp);
                while (j < line.length()) {
                    int next = line.codePointAt(j);
                    if ((primary.charExists(next) ? primary : fallback) != font) {
                        break;
                    }
                    j += Character.charCount(next);
                }
                cb.setFontAndSize(font, size);
                cb.showText(line.substring(i, j));
                i = j;
            }
        }
    }
}
