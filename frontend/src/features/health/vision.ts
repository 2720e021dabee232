import type { AbsenceInput, AbsenceType, Advice, EyeInput, EyeView, VisionCategory } from '@/api/health'

/**
 * Client-side hints while typing vision values (the server decides: it answers 422 naming the field). Five-point
 * values 3.0–5.3 in steps of 0.1, dioptres in steps of 0.25, axis 0–180.
 */
export type Hint = 'range' | 'step' | 'number' | null

function num(text: string | number | null | undefined): number | null | undefined {
  if (text === null || text === undefined) return undefined
  const s = String(text).trim().replace('−', '-').replace(/^\+/, '')
  if (s === '') return undefined
  const n = Number(s)
  return Number.isFinite(n) ? n : null
}

const isMultiple = (n: number, step: number) => Math.abs(Math.round(n / step) * step - n) < 1e-9

export function fivePointHint(text: string | number | null | undefined): Hint {
  const n = num(text)
  if (n === undefined) return null
  if (n === null) return 'number'
  if (n < 3 || n > 5.3) return 'range'
  return isMultiple(n, 0.1) ? null : 'step'
}

export function dioptreHint(text: string | number | null | undefined, limit: number): Hint {
  const n = num(text)
  if (n === undefined) return null
  if (n === null) return 'number'
  if (Math.abs(n) > limit) return 'range'
  return isMultiple(n, 0.25) ? null : 'step'
}

export function axisHint(text: string | number | null | undefined): Hint {
  const n = num(text)
  if (n === undefined) return null
  if (n === null) return 'number'
  return Number.isInteger(n) && n >= 0 && n <= 180 ? null : 'range'
}

export const EYE_FIELDS = ['uncorrected', 'corrected', 'sphere', 'cylinder', 'axis'] as const
export type EyeField = (typeof EYE_FIELDS)[number]

export function hintFor(field: EyeField, value: string | number | null | undefined): Hint {
  switch (field) {
    case 'uncorrected':
    case 'corrected':
      return fivePointHint(value)
    case 'sphere':
      return dioptreHint(value, 30)
    case 'cylinder':
      return dioptreHint(value, 10)
    default:
      return axisHint(value)
  }
}

/** An eye's inputs as text, from what the server stored (only the measured values are read). */
export function eyeText(eye: Partial<Pick<EyeView, EyeField>> | undefined): Record<EyeField, string> {
  const out = {} as Record<EyeField, string>
  for (const f of EYE_FIELDS) {
    const v = eye?.[f]
    out[f] =
      v === undefined || v === null ? '' : f === 'sphere' || f === 'cylinder' ? (v as number).toFixed(2) : String(v)
  }
  return out
}

/** What to send for an eye: blank inputs become null. */
export function eyeInput(values: Record<EyeField, string>): EyeInput {
  const out: EyeInput = {}
  for (const f of EYE_FIELDS) out[f] = values[f]?.trim() ? values[f].trim() : null
  return out
}

export function isBlankEye(values: Record<EyeField, string>): boolean {
  return EYE_FIELDS.every((f) => !values[f]?.trim())
}

export function adviceTagType(advice?: Advice): 'success' | 'warning' | 'danger' | 'info' {
  return advice === 'SEE_DOCTOR' ? 'danger' : advice === 'RECHECK' ? 'warning' : advice === 'NONE' ? 'success' : 'info'
}

export function categoryTagType(category?: VisionCategory): 'success' | 'warning' | 'danger' | 'info' {
  return category === 'normal' ? 'success' : category === 'mild' ? 'warning' : category ? 'danger' : 'info'
}

/** The school-local date (Asia/Shanghai) as YYYY-MM-DD, whatever the device's time zone. */
export function schoolToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

// ---- the register: only exceptions are kept

export type Register = Map<string, AbsenceInput>

/** Marks a student absent (sick by default) or, when already absent, leaves them as they are. */
export function markAbsent(reg: Register, studentId: string, type: AbsenceType = 'SICK'): Register {
  const next = new Map(reg)
  if (!next.has(studentId)) next.set(studentId, { studentId, type, symptoms: [], note: null })
  return next
}

export function markPresent(reg: Register, studentId: string): Register {
  const next = new Map(reg)
  next.delete(studentId)
  return next
}

/** Changing the reason away from SICK drops the symptoms (they belong to a sick absence). */
export function setType(reg: Register, studentId: string, type: AbsenceType): Register {
  const a = reg.get(studentId)
  if (!a) return reg
  const next = new Map(reg)
  next.set(studentId, { ...a, type, symptoms: type === 'SICK' ? (a.symptoms ?? []) : [] })
  return next
}

export function toggleSymptom(reg: Register, studentId: string, code: string): Register {
  const a = reg.get(studentId)
  if (!a || a.type !== 'SICK') return reg
  const has = (a.symptoms ?? []).includes(code)
  const next = new Map(reg)
  next.set(studentId, {
    ...a,
    symptoms: has ? (a.symptoms ?? []).filter((s) => s !== code) : [...(a.symptoms ?? []), code],
  })
  return next
}

export function counts(
  reg: Register,
  members: number,
): { present: number; absent: number; SICK: number; PERSONAL: number; OTHER: number } {
  const out = { present: members - reg.size, absent: reg.size, SICK: 0, PERSONAL: 0, OTHER: 0 }
  for (const a of reg.values()) out[a.type]++
  return out
}

/** The body to send, in a stable order; notes trimmed, blank notes left out. */
export function toBody(reg: Register): AbsenceInput[] {
  return [...reg.values()]
    .sort((a, b) => a.studentId.localeCompare(b.studentId))
    .map((a) => ({
      studentId: a.studentId,
      type: a.type,
      symptoms: a.type === 'SICK' ? (a.symptoms ?? []) : [],
      note: a.note?.trim() || null,
    }))
}
