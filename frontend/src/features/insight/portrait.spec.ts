import { describe, expect, it } from 'vitest'
import type { Portrait } from '@/api/insight'
import { radarOf, trendOf } from './portrait'

const portrait: Portrait = {
  studentId: 'S1-C1-01',
  name: '马思远',
  rulesVersion: '2026-12',
  levels: ['EXCELLENT', 'GOOD', 'PASS', 'IMPROVE'],
  shown: ['GENERAL_RECORDS'],
  terms: [
    {
      term: '2025-2026-2',
      termName: '2025—2026学年第二学期',
      figures: {},
      dimensions: [{ dimension: 'MORAL', label: '思想品德', score: 50 }],
    },
    {
      term: '2026-2027-1',
      termName: '2026—2027学年第一学期',
      figures: {},
      dimensions: [
        { dimension: 'MORAL', label: '思想品德', score: 75 },
        { dimension: 'PHYSICAL', label: '身心健康' },
        { dimension: 'LABOUR', label: '劳动', score: 0 },
      ],
    },
  ],
}

describe('portrait charts', () => {
  it('draws the latest term on the radar and marks what the viewer cannot see', () => {
    const r = radarOf(portrait)
    expect(r.term).toBe('2026—2027学年第一学期')
    expect(r.values).toEqual([75, 0, 0, 0, 0, 0])
    // a real 0 (no labour hours) is known; a hidden fitness figure is not
    expect(r.known).toEqual([true, false, false, false, true, false])
  })

  it('leaves a gap in the trend where a term has no score, never a false 0', () => {
    const t = trendOf(portrait)
    expect(t.terms).toHaveLength(2)
    expect(t.series.find((s) => s.dimension === 'MORAL')?.values).toEqual([50, 75])
    expect(t.series.find((s) => s.dimension === 'PHYSICAL')?.values).toEqual([null, null])
    expect(t.series.find((s) => s.dimension === 'LABOUR')?.values).toEqual([null, 0])
  })

  it('copes with a student without any term', () => {
    expect(radarOf({ ...portrait, terms: [] }).term).toBeNull()
  })
})
