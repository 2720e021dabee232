/**
 * Small-cell suppression as the statistics endpoints express it: a cell flagged `suppressed`, or a figure that is
 * null or left out of the JSON (the server omits nulls), was withheld because too few people are in it. Such a
 * cell is shown as "—（人数过少不公布）" (or just "—" where space is short), never as 0.
 */
export type Figure = number | null | undefined

export interface CellFormat {
  /** the cell as a whole is suppressed (FitnessStats.Cell.suppressed, Coverage.suppressed) */
  suppressed?: boolean
  /** text for a suppressed cell, e.g. t('stats.suppressed') = "—（人数过少不公布）" */
  suppressedText?: string
  /** digits after the point */
  decimals?: number
  /** appended to a shown value, e.g. "%" */
  suffix?: string
}

export const DASH = '—'

export function isSuppressed(value: Figure, suppressed?: boolean): boolean {
  return suppressed === true || value === null || value === undefined || Number.isNaN(value)
}

/** A figure for a table cell: the value, or the suppressed text (default "—"). */
export function formatFigure(value: Figure, opts: CellFormat = {}): string {
  if (isSuppressed(value, opts.suppressed)) return opts.suppressedText ?? DASH
  const v = value as number
  const text = opts.decimals === undefined ? String(v) : v.toFixed(opts.decimals)
  return opts.suffix ? `${text}${opts.suffix}` : text
}

/** A percentage (the API sends 62.5 for 62.5 %). */
export function formatPercent(value: Figure, opts: Omit<CellFormat, 'suffix'> = {}): string {
  return formatFigure(value, { decimals: 1, ...opts, suffix: '%' })
}

/** Chart data: suppressed figures become null (ECharts draws no bar), shown values stay numbers. */
export function chartValue(value: Figure, suppressed?: boolean): number | null {
  return isSuppressed(value, suppressed) ? null : (value as number)
}

/** A column of a statistics table: its heading (a message key) and width, and a row's text (suppressed or not). */
export interface StatColumn<R> {
  key: string
  label: string
  width?: number
  minWidth?: number
  text: (row: R) => string
}
