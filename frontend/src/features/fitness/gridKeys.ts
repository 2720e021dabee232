/**
 * The fitness grid typed like a spreadsheet: a block copied from Excel or WPS arrives as text, rows separated by
 * line breaks and cells by tabs (a single column is just lines). Trailing empty lines (Excel adds one) are dropped;
 * empty cells stay, so a gap in the sheet is a gap in the grid.
 */
export function parseClipboard(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop()
  return lines.map((l) => l.split('\t').map((c) => c.trim()))
}

/** Whether pasted text is more than one value (a column or a block), which the grid spreads over its cells. */
export function isBlock(cells: string[][]): boolean {
  return cells.length > 1 || (cells[0]?.length ?? 0) > 1
}

/** The row a key moves to in the same column: Enter and ↓ go down, ↑ goes up; null for any other key. */
export function nextRow(key: string, shift: boolean, index: number, count: number): number | null {
  const down = (key === 'Enter' && !shift) || key === 'ArrowDown'
  const up = (key === 'Enter' && shift) || key === 'ArrowUp'
  if (!down && !up) return null
  const to = index + (down ? 1 : -1)
  return to >= 0 && to < count ? to : null
}
