import { DIMENSIONS, type Category, type Dimension, type Level, type RecordInput, type Severity } from '@/api/records'

/**
 * The record form's field rules (which fields a category takes: hours, severity for violations, a skill name for
 * skill categories) and the body sent. Which dimensions a teacher may write comes from the server
 * (GET /classes/{id}/records/writable).
 */
export function groupCategories(categories: Category[]): Map<Dimension, Category[]> {
  const out = new Map<Dimension, Category[]>()
  for (const d of DIMENSIONS) out.set(d, [])
  for (const c of categories) {
    if (!out.has(c.dimension)) out.set(c.dimension, [])
    out.get(c.dimension)!.push(c)
  }
  return out
}

export interface CategoryFields {
  hours: boolean
  severity: boolean
  skill: boolean
}

export function fieldsOf(category: Category | undefined): CategoryFields {
  return { hours: !!category?.hours, severity: !!category?.severity, skill: !!category?.skill }
}

/** What the form holds (strings and nulls as the inputs give them). */
export interface RecordFormModel {
  dimension: Dimension | ''
  category: string
  title: string
  description: string
  occurredOn: string
  hours: number | null | undefined
  level: Level | '' | null
  award: string
  severity: Severity | '' | null
  skill: string
  evidence: string[]
}

export function emptyForm(dimension: Dimension | '' = '', today = ''): RecordFormModel {
  return {
    dimension,
    category: '',
    title: '',
    description: '',
    occurredOn: today,
    hours: undefined,
    level: '',
    award: '',
    severity: '',
    skill: '',
    evidence: [],
  }
}

const text = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : undefined)

/** The API body: fields the category does not take are left out (the server refuses them). */
export function toRecordInput(form: RecordFormModel, category: Category | undefined, submit?: boolean): RecordInput {
  const f = fieldsOf(category)
  const body: RecordInput = {
    dimension: form.dimension as Dimension,
    category: form.category,
    title: form.title.trim(),
    occurredOn: form.occurredOn,
  }
  const description = text(form.description)
  if (description) body.description = description
  if (f.hours && form.hours !== null && form.hours !== undefined && !Number.isNaN(form.hours))
    body.hours = Number(form.hours)
  if (form.level) body.level = form.level
  const award = text(form.award)
  if (award) body.award = award
  if (f.severity && form.severity) body.severity = form.severity
  const skill = text(form.skill)
  if (f.skill && skill) body.skill = skill
  if (form.evidence.length) body.evidence = [...form.evidence]
  if (submit !== undefined) body.submit = submit
  return body
}

/** Client-side checks before sending (the server checks again); keys are the form's field names. */
export function checkForm(
  form: RecordFormModel,
  category: Category | undefined,
  today: string,
): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!form.dimension) errors.dimension = 'required'
  if (!form.category || !category) errors.category = 'required'
  if (!form.title.trim()) errors.title = 'required'
  else if (form.title.trim().length > 100) errors.title = 'too_long'
  if (form.description.length > 2000) errors.description = 'too_long'
  if (!form.occurredOn) errors.occurredOn = 'required'
  else if (today && form.occurredOn > today) errors.occurredOn = 'in_future'
  const f = fieldsOf(category)
  if (f.hours && form.hours !== null && form.hours !== undefined) {
    const h = Number(form.hours)
    if (!(h > 0 && h <= 200) || Math.round(h * 10) !== h * 10) errors.hours = 'out_of_range'
  }
  if (f.severity && !form.severity) errors.severity = 'required'
  if (f.skill && !text(form.skill)) errors.skill = 'required'
  else if (f.skill && form.skill.trim().length > 20) errors.skill = 'too_long'
  if (form.award.length > 60) errors.award = 'too_long'
  if (form.evidence.length > 5) errors.evidence = 'too_many'
  return errors
}

/** Today in school-local time (Asia/Shanghai) as yyyy-mm-dd. */
export function schoolToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}
