import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/problem'
import type { ScoreResponse } from '@/api/fitness'
import { cleanValues, createLiveScorer, gridColumns, mergeScore, type LiveScore, type ScoreRequest } from './liveScore'

const answer = (items: Record<string, string | number>, extra: Partial<ScoreResponse> = {}): ScoreResponse => ({
  grade: 7,
  sex: 'M',
  items: Object.fromEntries(Object.keys(items).map((k) => [k, { value: Number(items[k]), score: 80, level: '良好' }])),
  missingItems: [],
  ...extra,
})

describe('live scores', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('scores a row once after the typing pause, with blanks dropped', async () => {
    const score = vi.fn(async (req: ScoreRequest) => answer(req.items))
    const results: LiveScore[] = []
    const scorer = createLiveScorer({ score, onResult: (_, s) => results.push(s), delayMs: 300 })
    scorer.schedule('s1', 7, 'M', { run_50m: '8' })
    scorer.schedule('s1', 7, 'M', { run_50m: '8.', height_cm: '' })
    scorer.schedule('s1', 7, 'M', { run_50m: ' 8.2 ', height_cm: '' })
    expect(score).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(299)
    expect(score).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(score).toHaveBeenCalledTimes(1)
    expect(score.mock.calls[0][0]).toEqual({ grade: 7, sex: 'M', items: { run_50m: '8.2' } })
    expect(results.at(-1)?.items.run_50m.score).toBe(80)
  })

  it('debounces each row on its own', async () => {
    const score = vi.fn(async (req: ScoreRequest) => answer(req.items))
    const scorer = createLiveScorer({ score, onResult: () => {}, delayMs: 300 })
    scorer.schedule('a', 7, 'M', { run_50m: '8.2' })
    scorer.schedule('b', 7, 'F', { run_50m: '9.1' })
    await vi.advanceTimersByTimeAsync(300)
    expect(score).toHaveBeenCalledTimes(2)
  })

  it('never lets an older answer overwrite a newer one', async () => {
    const resolvers: ((r: ScoreResponse) => void)[] = []
    const score = vi.fn(
      (req: ScoreRequest) => new Promise<ScoreResponse>((r) => resolvers.push(() => r(answer(req.items)))),
    )
    const seen: LiveScore[] = []
    const scorer = createLiveScorer({ score, onResult: (_, s) => seen.push(s), delayMs: 10 })
    scorer.schedule('s1', 7, 'M', { run_50m: '9.9' })
    await vi.advanceTimersByTimeAsync(10)
    scorer.schedule('s1', 7, 'M', { run_50m: '8.2' })
    await vi.advanceTimersByTimeAsync(10)
    resolvers[1](answer({}))
    await vi.runAllTimersAsync()
    resolvers[0](answer({}))
    await vi.runAllTimersAsync()
    expect(seen).toHaveLength(1)
    expect(seen[0].items.run_50m.value).toBe(8.2)
  })

  it('marks a refused value and still scores the others', async () => {
    const score = vi.fn(async (req: ScoreRequest) => {
      if ('height_cm' in req.items) {
        throw new ApiError({
          status: 422,
          code: 'validation_failed',
          errors: [{ field: 'height_cm', code: 'out_of_range', message: '身高 must be within 70.0–250.0 cm' }],
        })
      }
      return answer(req.items, { rating: '良好', totalScore: 80 })
    })
    let last: LiveScore | undefined
    const scorer = createLiveScorer({ score, onResult: (_, s) => (last = s), delayMs: 1 })
    await scorer.now('s1', 7, 'M', { height_cm: '1500', run_50m: '8.2' })
    expect(score).toHaveBeenCalledTimes(2)
    expect(score.mock.calls[1][0].items).toEqual({ run_50m: '8.2' })
    expect(last?.errors).toEqual({ height_cm: '身高 must be within 70.0–250.0 cm' })
    expect(last?.items.run_50m.score).toBe(80)
    expect(last?.rating).toBeUndefined() // a row with a refused value has no rating yet
  })

  it('leaves the row without scores when the preview fails for another reason', async () => {
    const score = vi.fn(async () => {
      throw ApiError.network(new Error('down'))
    })
    let last: LiveScore | undefined
    const scorer = createLiveScorer({ score, onResult: (_, s) => (last = s) })
    await scorer.now('s1', 7, 'M', { run_50m: '8.2' })
    expect(last).toEqual(mergeScore(null))
  })

  it('cleans values: trims, drops blanks and NaN, keeps numbers', () => {
    expect(cleanValues({ a: ' 1 ', b: '', c: null, d: undefined, e: 3, f: Number.NaN })).toEqual({ a: '1', e: 3 })
  })
})

describe('grid columns', () => {
  it('pairs the items only one sex takes into one column, after the shared ones', () => {
    const cols = gridColumns({
      M: [
        'height_cm',
        'weight_kg',
        'vital_capacity',
        'run_50m',
        'sit_and_reach',
        'standing_long_jump',
        'pull_ups',
        'run_1000m',
      ],
      F: [
        'height_cm',
        'weight_kg',
        'vital_capacity',
        'run_50m',
        'sit_and_reach',
        'sit_ups_1min',
        'standing_long_jump',
        'run_800m',
      ],
    })
    expect(cols.map((c) => c.key)).toEqual([
      'height_cm',
      'weight_kg',
      'vital_capacity',
      'run_50m',
      'sit_and_reach',
      'standing_long_jump',
      'pull_ups|sit_ups_1min',
      'run_1000m|run_800m',
    ])
    expect(cols[6]).toEqual({ key: 'pull_ups|sit_ups_1min', M: 'pull_ups', F: 'sit_ups_1min' })
  })

  it('keeps one column per item when both sexes take the same items', () => {
    const items = ['height_cm', 'weight_kg', 'rope_skipping_1min']
    expect(gridColumns({ M: items, F: items }).every((c) => c.M === c.F)).toBe(true)
  })
})

describe('fitness words', async () => {
  const { levelCode, levelType, recentYears } = await import('./items')
  it('maps the rating and BMI words the API sends to codes and colours', () => {
    expect(levelCode('优秀')).toBe('EXCELLENT')
    expect(levelCode('超重')).toBe('OVERWEIGHT')
    expect(levelCode('新词')).toBe('新词')
    expect(levelType('不及格')).toBe('danger')
    expect(levelType(undefined)).toBe('info')
  })
  it('offers the current and the previous school years', () => {
    expect(recentYears('2026-2027')).toEqual(['2026-2027', '2025-2026', '2024-2025'])
  })
})
