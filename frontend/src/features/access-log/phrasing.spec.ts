import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { accessReason, accessVerb, describeAccess, isEmergency } from './phrasing'
import type { AccessLine } from './phrasing'

function translator(locale: 'zh-CN' | 'en') {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en }, missingWarn: false })
  const g = i18n.global
  return {
    t: (k: string, p?: Record<string, unknown>) => (p ? g.t(k, p) : g.t(k)),
    te: (k: string) => g.te(k),
  }
}

const entry = (e: Partial<AccessLine>): AccessLine => ({
  at: '2026-03-02T01:02:03Z',
  action: 'mental_health.read',
  ...e,
})

describe('access log in plain language', () => {
  const zh = translator('zh-CN')
  const enT = translator('en')

  it('says who (role and name) did what to which data, in Chinese', () => {
    const e = entry({ role: 'counselor', name: '苏静怡', action: 'mental_health.read', dataClass: 'MENTAL_HEALTH' })
    expect(describeAccess(e, zh.t, zh.te)).toBe('心理教师 苏静怡 查看了 心理健康档案')
    expect(describeAccess(e, enT.t, enT.te)).toBe('Counselor 苏静怡 viewed the mental-health file')
  })

  it('names exports, prints, downloads and break-glass openings', () => {
    const say = (action: string, dataClass: string, role = 'school_admin', name = '王建国') =>
      describeAccess(entry({ action, dataClass, role, name }), zh.t, zh.te)
    expect(say('archive.export', 'ARCHIVE')).toBe('学校管理员 王建国 导出了 综合素质评价档案')
    expect(say('archive.print', 'ARCHIVE')).toBe('学校管理员 王建国 打印了 综合素质评价档案')
    expect(say('fitness.download', 'HEALTH_FITNESS', 'teacher', '海振宇')).toBe(
      '任课教师 海振宇 下载了 体质健康详细数据',
    )
    expect(say('mental_health.break_glass', 'MENTAL_HEALTH')).toBe('学校管理员 王建国 紧急调阅了 心理健康档案')
    expect(say('student.read', 'PROFILE_PRIVATE', 'head_teacher', '马晓梅')).toBe('班主任 马晓梅 查看了 学籍与家庭信息')
  })

  it('never shows raw codes: unknown roles, data classes and verbs get plain words', () => {
    const e = entry({ role: 'robot', name: '', action: 'thing.frobnicate', dataClass: 'NEW_KIND' })
    expect(describeAccess(e, zh.t, zh.te)).toBe('工作人员 访问了 敏感信息')
    expect(describeAccess(e, enT.t, enT.te)).toBe('A staff member accessed sensitive information')
    expect(describeAccess(entry({ action: 'x.read' }), zh.t, zh.te)).not.toMatch(/[A-Z_]{3,}|undefined/)
  })

  it('shows the stated reason and marks break-glass openings', () => {
    const bg = entry({ action: 'mental_health.break_glass', reason: '学生在校内有自伤风险，需立即了解情况' })
    expect(accessReason(bg, zh.t)).toBe('理由：学生在校内有自伤风险，需立即了解情况')
    expect(accessReason(entry({ reason: '  ' }), zh.t)).toBeNull()
    expect(isEmergency(bg)).toBe(true)
    expect(isEmergency(entry({}))).toBe(false)
  })

  it('takes the verb from the last part of the action', () => {
    expect(accessVerb('mental_health.read')).toBe('read')
    expect(accessVerb('archive.export')).toBe('export')
    expect(accessVerb('read')).toBe('read')
    expect(accessVerb('archive.exported')).toBe('other')
    expect(accessVerb(undefined)).toBe('other')
  })
})
