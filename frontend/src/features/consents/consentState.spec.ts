import { describe, expect, it } from 'vitest'
import type { Consent, Notice } from '@/api/types'
import { currentState, localized, nextActions } from './consentState'

const consent = (c: Partial<Consent>): Consent => ({
  id: 'c',
  purpose: 'MENTAL_HEALTH_SCREENING',
  noticeVersion: 1,
  decision: 'GRANTED',
  byName: '李华',
  byRelation: '母亲',
  at: '2026-03-01T00:00:00Z',
  ...c,
})
const notice = (required = true): Notice => ({
  purpose: 'MENTAL_HEALTH_SCREENING',
  version: 1,
  consentRequired: required,
  title: { 'zh-CN': '心理健康筛查告知书', en: 'Notice: mental-health screening' },
  text: { 'zh-CN': '正文' },
})

describe('consent state', () => {
  it('is undecided without a decision for the purpose', () => {
    expect(currentState([consent({ purpose: 'OTHER' })], 'MENTAL_HEALTH_SCREENING')).toEqual({ status: 'NONE' })
  })

  it('follows the newest decision, whatever order the list comes in', () => {
    const list = [
      consent({ id: 'new', decision: 'REFUSED', at: '2026-03-05T00:00:00Z' }),
      consent({ id: 'old', decision: 'GRANTED', at: '2026-03-01T00:00:00Z' }),
    ]
    expect(currentState(list, 'MENTAL_HEALTH_SCREENING').status).toBe('REFUSED')
    expect(currentState([...list].reverse(), 'MENTAL_HEALTH_SCREENING').consent?.id).toBe('new')
  })

  it('treats a withdrawn consent as withdrawn', () => {
    const s = currentState([consent({ withdrawnAt: '2026-03-02T00:00:00Z' })], 'MENTAL_HEALTH_SCREENING')
    expect(s.status).toBe('WITHDRAWN')
  })

  it('offers withdraw after consent, consent after refusal, and nothing on information-only notices', () => {
    expect(nextActions(notice(), { status: 'GRANTED' })).toEqual(['withdraw'])
    expect(nextActions(notice(), { status: 'REFUSED' })).toEqual(['grant'])
    expect(nextActions(notice(), { status: 'WITHDRAWN' })).toEqual(['grant', 'refuse'])
    expect(nextActions(notice(), { status: 'NONE' })).toEqual(['grant', 'refuse'])
    expect(nextActions(notice(false), { status: 'NONE' })).toEqual([])
  })

  it('shows the notice in the UI language, else in Chinese', () => {
    expect(localized(notice().title, 'en')).toBe('Notice: mental-health screening')
    expect(localized(notice().text, 'en')).toBe('正文')
    expect(localized(undefined, 'en')).toBe('')
  })
})
