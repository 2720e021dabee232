/**
 * Instants from the API (UTC, ISO-8601) shown in school-local time (Asia/Shanghai, docs/architecture.md §7) as
 * "2026-03-02 09:02", the same in every UI language, so a time in the audit trail or the access log reads
 * the same for everyone whatever their computer's time zone.
 */
export const SCHOOL_TIME_ZONE = 'Asia/Shanghai'

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

export function formatInstant(iso: string | undefined | null, withSeconds = false): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = Object.fromEntries(formatter.formatToParts(d).map((x) => [x.type, x.value]))
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`
  return `${p.year}-${p.month}-${p.day} ${time}`
}

/** True while an instant lies in the future (a grant still running). */
export function isFuture(iso: string | undefined | null, now: Date = new Date()): boolean {
  return !!iso && new Date(iso).getTime() > now.getTime()
}

/** School years offered above a grid or table: the given one and the ones before it ("2026-2027", "2025-2026", …). */
export function recentYears(current: string, n = 3): string[] {
  const start = Number(current.slice(0, 4))
  if (!Number.isFinite(start)) return [current]
  return Array.from({ length: n }, (_, i) => `${start - i}-${start - i + 1}`)
}
