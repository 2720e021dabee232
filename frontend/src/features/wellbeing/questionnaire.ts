import type { InstrumentView } from '@/api/wellbeing'

/**
 * A screening questionnaire as the student fills it in: one answer per item, each one of the instrument's option
 * values. Nothing is sent until every item is answered; the server checks again (422).
 */
export type Answers = (number | null | undefined)[]

export interface AnswerCheck {
  complete: boolean
  /** item numbers (1-based) still unanswered */
  missing: number[]
  /** item numbers with a value that is not one of the options */
  invalid: number[]
}

export function emptyAnswers(instrument: Pick<InstrumentView, 'items'>): Answers {
  return instrument.items.map(() => null)
}

export function checkAnswers(instrument: Pick<InstrumentView, 'items' | 'options'>, answers: Answers): AnswerCheck {
  const allowed = new Set(instrument.options.map((o) => o.value))
  const missing: number[] = []
  const invalid: number[] = []
  instrument.items.forEach((item, i) => {
    const a = answers[i]
    if (a === null || a === undefined) missing.push(item.n)
    else if (!Number.isInteger(a) || !allowed.has(a)) invalid.push(item.n)
  })
  return {
    complete: missing.length === 0 && invalid.length === 0 && answers.length >= instrument.items.length,
    missing,
    invalid,
  }
}

/** The answers as the API takes them; throws when incomplete (the page checks first). */
export function toAnswerList(instrument: Pick<InstrumentView, 'items' | 'options'>, answers: Answers): number[] {
  const check = checkAnswers(instrument, answers)
  if (!check.complete) throw new Error(`unanswered items: ${[...check.missing, ...check.invalid].join(', ')}`)
  return instrument.items.map((_, i) => answers[i] as number)
}

/** How far along the student is, 0..100. */
export function progress(instrument: Pick<InstrumentView, 'items'>, answers: Answers): number {
  const n = instrument.items.length
  if (n === 0) return 0
  const done = instrument.items.filter((_, i) => answers[i] !== null && answers[i] !== undefined).length
  return Math.round((100 * done) / n)
}

/** Text in the UI language, falling back to Chinese, then anything. */
export function localized(texts: Record<string, string> | undefined, locale: string): string {
  if (!texts) return ''
  return texts[locale] ?? texts['zh-CN'] ?? Object.values(texts)[0] ?? ''
}
