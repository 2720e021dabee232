import type { Localized } from '@/api/family'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** A text of the 五项管理 data file in the UI language (Chinese when the file has no English). */
export function localized(text: Localized | undefined | null, locale: string): string {
  if (!text) return ''
  return text[locale] ?? text['zh-CN'] ?? Object.values(text)[0] ?? ''
}

/** A measure's value as people read it: sleep in hours, minutes, yes/no, a count, a time of day. */
export function formatMeasure(measure: string | undefined, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return '—'
  switch (measure) {
    case 'sleepMinutes':
      return t('family.five.unit.hours', { h: (Math.round(Number(value) / 6) / 10).toFixed(1) })
    case 'homeworkMinutes':
    case 'exerciseMinutes':
      return t('family.five.unit.minutes', { m: value })
    case 'booksRead':
      return t('family.five.unit.books', { n: value })
    case 'phoneAtSchool':
      return value === true ? t('family.five.phoneYes') : t('family.five.phoneNo')
    default:
      return String(value)
  }
}
