import type { AccessEntry } from '@/api/types'

/** What the phrasing reads of an access-log line: the time and action, and whatever else the line has. */
export type AccessLine = Pick<AccessEntry, 'at' | 'action'> & Partial<AccessEntry>

/**
 * Turns an access-log entry into a sentence a family understands, e.g. "心理教师 苏静怡 查看了 心理健康档案"
 * ("Counselor 苏静怡 viewed the mental-health file"). The API names the action as a dotted verb
 * (mental_health.read, archive.export, mental_health.break_glass); its last part says what was done.
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string
export type HasKey = (key: string) => boolean

export const ACCESS_VERBS = ['read', 'export', 'print', 'download', 'break_glass'] as const
export type AccessVerb = (typeof ACCESS_VERBS)[number] | 'other'

export function accessVerb(action: string | undefined | null): AccessVerb {
  const last = (action ?? '').split('.').pop() ?? ''
  return (ACCESS_VERBS as readonly string[]).includes(last) ? (last as AccessVerb) : 'other'
}

export function describeAccess(entry: AccessLine, t: Translate, te: HasKey): string {
  const roleKey = `enums.role.${entry.role}`
  const dataKey = `enums.dataClass.${entry.dataClass}`
  const role = entry.role && te(roleKey) ? t(roleKey) : ''
  const name = entry.name?.trim() || t('accessLog.someone')
  const what = entry.dataClass && te(dataKey) ? t(dataKey) : t('accessLog.sensitiveData')
  const verb = t(`accessLog.verbs.${accessVerb(entry.action)}`)
  return t('accessLog.sentence', { role, name, verb, what }).replace(/\s+/g, ' ').trim()
}

/** "共 3 次，首次 … ，最近 …" for a line that stands for repeated reads; null for a single one. */
export function repeated(entry: AccessLine, t: Translate, format: (iso: string) => string): string | null {
  const n = entry.count ?? 1
  if (n <= 1 || !entry.firstAt) return null
  return t('accessLog.repeated', { n, first: format(entry.firstAt), last: format(entry.lastAt ?? entry.at) })
}

/** The stated reason, shown under the sentence (break-glass openings always have one). */
export function accessReason(entry: AccessLine, t: Translate): string | null {
  const reason = entry.reason?.trim()
  return reason ? t('accessLog.reason', { reason }) : null
}

/** Break-glass openings are shown highlighted: a school admin opened a mental-health file in an emergency. */
export function isEmergency(entry: AccessLine): boolean {
  return accessVerb(entry.action) === 'break_glass'
}
