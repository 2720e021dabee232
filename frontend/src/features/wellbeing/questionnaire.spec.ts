import { describe, expect, it } from 'vitest'
import type { InstrumentView } from '@/api/wellbeing'
import { checkAnswers, emptyAnswers, localized, progress, toAnswerList } from './questionnaire'

const phq9: Pick<InstrumentView, 'items' | 'options'> = {
  items: Array.from({ length: 9 }, (_, i) => ({ n: i + 1, text: { 'zh-CN': `第${i + 1}题` } })),
  options: [0, 1, 2, 3].map((value) => ({ value, label: { 'zh-CN': String(value) } })),
}

describe('PHQ-9 answers', () => {
  it('starts empty and names the unanswered items', () => {
    const a = emptyAnswers(phq9)
    expect(a).toHaveLength(9)
    const check = checkAnswers(phq9, a)
    expect(check.complete).toBe(false)
    expect(check.missing).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(progress(phq9, a)).toBe(0)
  })

  it('is complete when every item has one of the option values, item 9 included', () => {
    const a = [0, 0, 1, 0, 0, 0, 0, 0, 1]
    expect(checkAnswers(phq9, a)).toEqual({ complete: true, missing: [], invalid: [] })
    expect(toAnswerList(phq9, a)).toEqual(a)
    expect(progress(phq9, a)).toBe(100)
  })

  it('refuses values outside the options and answers missing at the end', () => {
    expect(checkAnswers(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 4]).invalid).toEqual([9])
    expect(checkAnswers(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1.5]).invalid).toEqual([9])
    expect(checkAnswers(phq9, [0, 0, 0]).missing).toEqual([4, 5, 6, 7, 8, 9])
    expect(() => toAnswerList(phq9, [0, 0, 0])).toThrow(/unanswered/)
    expect(progress(phq9, [0, 0, 0])).toBe(33)
  })

  it('shows texts in the UI language, falling back to Chinese', () => {
    expect(localized({ 'zh-CN': '完全不会', en: 'Not at all' }, 'en')).toBe('Not at all')
    expect(localized({ 'zh-CN': '完全不会' }, 'en')).toBe('完全不会')
    expect(localized(undefined, 'en')).toBe('')
  })
})
