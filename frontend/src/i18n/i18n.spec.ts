import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import en from './en'
import { initialLocale } from './index'
import { MENU } from '@/navigation/menu'
import { ASSIGNMENT_ROLES, DATA_CLASSES, PURPOSES, ROLES, SCHOOL_STAGES, STUDENT_STATUSES } from '@/api/types'
import { ACCESS_VERBS } from '@/features/access-log/phrasing'
import { BREAK_KINDS } from '@/features/audit/verification'
import { PAGE_ACCESS } from '@/navigation/access'
import demo from '@/navigation/demo-me.json'

type Tree = { [k: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const zh = flatten(zhCN as Tree)
const enFlat = flatten(en as Tree)

// all app sources (not tests), as text
const sources = import.meta.glob(['../**/*.ts', '../**/*.vue', '!../**/*.spec.ts', '!../i18n/*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

const TOP = [...new Set([...zh.keys()].map((k) => k.split('.')[0]))]
const KEY_LITERAL = new RegExp(`['"\`]((?:${TOP.join('|')})\\.[A-Za-z0-9_.]+)['"\`]`, 'g')
// permission codes of GET /api/v1/me (e.g. 'records.review') look like keys but are the server's codes, not texts
const PERMISSION_CODES = new Set([
  ...Object.values(demo as Record<string, { permissions: { code: string }[] }>).flatMap((u) =>
    u.permissions.map((p) => p.code),
  ),
  ...Object.values(PAGE_ACCESS).flatMap((r) => (r === 'all' ? [] : r.any.map((c) => c.split('@')[0]))),
])

describe('i18n completeness', () => {
  it('every zh-CN key has an English text and vice versa', () => {
    const missingInEn = [...zh.keys()].filter((k) => !enFlat.has(k))
    const missingInZh = [...enFlat.keys()].filter((k) => !zh.has(k))
    expect(missingInEn).toEqual([])
    expect(missingInZh).toEqual([])
  })

  it('no text is empty', () => {
    expect([...zh].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([])
    expect([...enFlat].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([])
  })

  it('placeholders match between languages', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const mismatched = [...zh.keys()].filter(
      (k) => JSON.stringify(params(zh.get(k)!)) !== JSON.stringify(params(enFlat.get(k) ?? '')),
    )
    expect(mismatched).toEqual([])
  })

  it('no message uses vue-i18n syntax characters by accident (@ and | are special)', () => {
    const bad = [...zh, ...enFlat].filter(([, v]) => /[@|]/.test(v)).map(([k]) => k)
    expect(bad).toEqual([])
  })

  it('every key the code names exists', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20)
    const used = new Set<string>()
    for (const text of Object.values(sources))
      for (const m of text.matchAll(KEY_LITERAL)) if (!PERMISSION_CODES.has(m[1])) used.add(m[1])
    expect(used.size).toBeGreaterThan(50)
    expect([...used].filter((k) => !zh.has(k)).sort()).toEqual([])
  })

  it('dynamic keys exist: menu titles, enums, coming-soon descriptions, import summary, access-log verbs', () => {
    const wanted = [
      ...MENU.flatMap((m) => [m.title, ...(m.children ?? []).map((c) => c.title)]),
      ...ROLES.map((r) => `enums.role.${r}`),
      ...SCHOOL_STAGES.map((s) => `enums.stage.${s}`),
      ...STUDENT_STATUSES.map((s) => `enums.status.${s}`),
      ...ASSIGNMENT_ROLES.map((r) => `enums.assignmentRole.${r}`),
      'enums.sex.M',
      'enums.sex.F',
      ...DATA_CLASSES.map((d) => `enums.dataClass.${d}`),
      ...PURPOSES.map((p) => `enums.purpose.${p}`),
      ...['GRANTED', 'REFUSED'].map((d) => `enums.consentDecision.${d}`),
      ...['ALLOWED', 'DENIED'].map((o) => `enums.outcome.${o}`),
      ...['BREAK_GLASS', 'ADMISSIONS_RELEASE'].map((k) => `enums.grantKind.${k}`),
      ...[...ACCESS_VERBS, 'other'].map((v) => `accessLog.verbs.${v}`),
      ...BREAK_KINDS.map((p) => `audit.problems.${p}`),
      ...['total', 'created', 'updated', 'unchanged', 'rejected'].map((k) => `import.${k}`),
    ]
    const features = new Set<string>()
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/comingSoonRoute\([^)]*?'[^']*',\s*'[^']*',\s*'[^']*',\s*'([^']+)'/g))
        features.add(m[1])
      for (const m of text.matchAll(/<ComingSoon[^>]*feature="([^"]+)"/g)) features.add(m[1])
    }
    const soonPages = MENU.flatMap((m) => [m, ...(m.children ?? [])]).filter((m) => m.comingSoon)
    expect(features.size).toBeGreaterThanOrEqual(soonPages.length)
    wanted.push(...[...features].map((f) => `soon.${f}`))
    expect(wanted.filter((k) => !zh.has(k))).toEqual([])
  })
})

describe('locale choice', () => {
  it('defaults to Chinese and remembers English', () => {
    expect(initialLocale({ getItem: () => null })).toBe('zh-CN')
    expect(initialLocale({ getItem: () => 'en' })).toBe('en')
    expect(initialLocale({ getItem: () => 'fr' })).toBe('zh-CN')
    expect(
      initialLocale({
        getItem: () => {
          throw new Error('denied')
        },
      }),
    ).toBe('zh-CN')
  })
})
