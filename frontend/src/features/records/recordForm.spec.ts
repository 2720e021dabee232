import { describe, expect, it } from 'vitest'
import type { Category } from '@/api/records'
import { checkForm, emptyForm, groupCategories, toRecordInput } from './recordForm'

const cat = (c: Partial<Category>): Category => ({
  dimension: 'MORAL',
  code: 'x',
  zh: 'x',
  privateToFamily: false,
  severity: false,
  hours: false,
  ...c,
})
const violation = cat({ code: 'violation', zh: '违纪处分', severity: true, privateToFamily: true })
const volunteer = cat({ code: 'volunteer_service', zh: '志愿服务', hours: true })
const sportsSkill = cat({ dimension: 'PHYSICAL', code: 'sports_skill', zh: '运动技能', skill: 'SPORTS' })

describe('record form', () => {
  it('groups categories by dimension in the national order', () => {
    const g = groupCategories([sportsSkill, violation, volunteer])
    expect([...g.keys()]).toEqual(['MORAL', 'ACADEMIC', 'PHYSICAL', 'ARTS', 'LABOUR', 'SOCIAL_PRACTICE'])
    expect(g.get('MORAL')?.map((c) => c.code)).toEqual(['violation', 'volunteer_service'])
  })

  it('sends only the fields the category takes', () => {
    const form = {
      ...emptyForm('MORAL', '2026-11-20'),
      category: 'volunteer_service',
      title: ' 敬老院志愿服务 ',
      hours: 3,
      severity: 'MINOR' as const,
      skill: '篮球',
      award: ' ',
    }
    expect(toRecordInput(form, volunteer)).toEqual({
      dimension: 'MORAL',
      category: 'volunteer_service',
      title: '敬老院志愿服务',
      occurredOn: '2026-11-20',
      hours: 3,
    })
    const v = toRecordInput({ ...form, category: 'violation', hours: 2 }, violation, false)
    expect(v.severity).toBe('MINOR')
    expect(v.hours).toBeUndefined()
    expect(v.submit).toBe(false)
    const s = toRecordInput({ ...form, dimension: 'PHYSICAL', category: 'sports_skill', hours: undefined }, sportsSkill)
    expect(s.skill).toBe('篮球')
  })

  it('checks the form like the server: severity for violations, a skill name, hours in range, no future dates', () => {
    const base = { ...emptyForm('MORAL', '2026-11-20'), title: '标题' }
    expect(checkForm({ ...base, category: 'violation' }, violation, '2026-11-29')).toEqual({ severity: 'required' })
    expect(checkForm({ ...base, dimension: 'PHYSICAL', category: 'sports_skill' }, sportsSkill, '2026-11-29')).toEqual({
      skill: 'required',
    })
    expect(checkForm({ ...base, category: 'volunteer_service', hours: 0 }, volunteer, '2026-11-29')).toEqual({
      hours: 'out_of_range',
    })
    expect(checkForm({ ...base, category: 'volunteer_service', hours: 1.25 }, volunteer, '2026-11-29')).toEqual({
      hours: 'out_of_range',
    })
    expect(
      checkForm(
        { ...base, category: 'volunteer_service', hours: 2.5, occurredOn: '2026-12-01' },
        volunteer,
        '2026-11-29',
      ),
    ).toEqual({ occurredOn: 'in_future' })
    expect(checkForm({ ...emptyForm(), occurredOn: '' }, undefined, '2026-11-29')).toEqual({
      dimension: 'required',
      category: 'required',
      title: 'required',
      occurredOn: 'required',
    })
  })
})
