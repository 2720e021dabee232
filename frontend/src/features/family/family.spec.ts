import { describe, expect, it } from 'vitest'
import { addDays, mondayOf, schoolToday, sleepMinutes } from '@/api/family'
import { completionTagType, hasPersonalNumber, namedStudents, receiptTagType } from './family'
import { formatMeasure, localized } from './five'

const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`

describe('a notice to the class', () => {
  it('warns before sending when it names a student of the class, spaces or not', () => {
    const names = ['马思远', '李䶮', '杨雨桐', '王']
    expect(namedStudents('请马思远同学的家长来校', names)).toEqual(['马思远'])
    expect(namedStudents('请 李 䶮 家长到校', names)).toEqual(['李䶮'])
    // a one-character name would match everything: it is not checked
    expect(namedStudents('王老师布置的作业', names)).toEqual([])
    expect(namedStudents('本周四下午召开家长会', names)).toEqual([])
  })

  it('warns about ID and student numbers but not phone numbers or dates', () => {
    expect(hasPersonalNumber('学籍号G640424201309010128')).toBe(true)
    expect(hasPersonalNumber('64042420130901012X')).toBe(true)
    expect(hasPersonalNumber('联系电话 13912345678，20261220 前交回')).toBe(false)
  })

  it('colours receipts and ticks by how far they got', () => {
    expect(receiptTagType('CONFIRMED')).toBe('success')
    expect(receiptTagType('UNREAD')).toBe('warning')
    expect(receiptTagType('NO_ACCOUNT')).toBe('info')
    expect(completionTagType('REJECTED')).toBe('danger')
    expect(completionTagType('AWAITING_GUARDIAN')).toBe('warning')
  })
})

describe('weeks and measures', () => {
  it('finds the Monday of a week and counts days across months', () => {
    expect(mondayOf('2026-12-09')).toBe('2026-12-07')
    expect(mondayOf('2026-12-07')).toBe('2026-12-07')
    expect(mondayOf('2026-12-13')).toBe('2026-12-07')
    expect(addDays('2026-11-30', 7)).toBe('2026-12-07')
    expect(schoolToday(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07') // already Monday in Beijing
  })

  it('derives sleep across midnight like the server', () => {
    expect(sleepMinutes('21:30', '06:30')).toBe(540)
    expect(sleepMinutes('00:15', '06:45')).toBe(390)
  })

  it('shows each measure in its unit', () => {
    expect(formatMeasure('sleepMinutes', 540, t)).toBe('family.five.unit.hours{"h":"9.0"}')
    expect(formatMeasure('homeworkMinutes', 80, t)).toBe('family.five.unit.minutes{"m":80}')
    expect(formatMeasure('phoneAtSchool', false, t)).toBe('family.five.phoneNo')
    expect(formatMeasure('bedtime', '21:40', t)).toBe('21:40')
    expect(formatMeasure('booksRead', null, t)).toBe('—')
    expect(localized({ 'zh-CN': '睡眠', en: 'Sleep' }, 'en')).toBe('Sleep')
    expect(localized({ 'zh-CN': '睡眠' }, 'en')).toBe('睡眠')
  })
})
