import { describe, expect, it } from 'vitest'
import { chartValue, formatFigure, formatPercent, isSuppressed } from './suppressed'

const LONG = '—（人数过少不公布）'

describe('suppressed cells', () => {
  it('shows a suppressed or missing figure as the dash text, never as 0', () => {
    expect(formatFigure(null, { suppressedText: LONG })).toBe(LONG)
    expect(formatFigure(undefined, { suppressedText: LONG })).toBe(LONG)
    expect(formatFigure(null)).toBe('—')
    expect(formatFigure(12, { suppressed: true, suppressedText: LONG })).toBe(LONG)
  })

  it('keeps real zeros and formats values', () => {
    expect(formatFigure(0)).toBe('0')
    expect(formatFigure(77.94, { decimals: 1 })).toBe('77.9')
    expect(formatPercent(62.5)).toBe('62.5%')
    expect(formatPercent(0)).toBe('0.0%')
    expect(formatPercent(null, { suppressedText: LONG })).toBe(LONG)
  })

  it('gives charts null for suppressed cells so no bar is drawn', () => {
    expect(chartValue(null)).toBeNull()
    expect(chartValue(5, true)).toBeNull()
    expect(chartValue(0)).toBe(0)
    expect(isSuppressed(Number.NaN)).toBe(true)
  })
})
