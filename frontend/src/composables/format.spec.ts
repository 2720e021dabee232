import { describe, expect, it } from 'vitest'
import { formatInstant, isFuture } from './format'

describe('formatInstant', () => {
  it('shows UTC instants in school-local time (UTC+8), the same in every language', () => {
    expect(formatInstant('2026-03-02T01:02:03Z')).toBe('2026-03-02 09:02')
    expect(formatInstant('2026-03-01T16:30:00.123Z', true)).toBe('2026-03-02 00:30:00')
  })

  it('keeps odd values visible instead of failing', () => {
    expect(formatInstant(undefined)).toBe('—')
    expect(formatInstant('not a time')).toBe('not a time')
  })

  it('tells a running grant from an expired one', () => {
    const now = new Date('2026-03-02T00:00:00Z')
    expect(isFuture('2026-03-02T00:00:01Z', now)).toBe(true)
    expect(isFuture('2026-03-01T23:59:59Z', now)).toBe(false)
    expect(isFuture(undefined, now)).toBe(false)
  })
})
