import { ApiError } from '@/api/problem'
import type { ItemView, ScoreResponse } from '@/api/fitness'

/**
 * Live scores while a PE teacher types a row of the class grid: each change is scored by POST /fitness/score
 * after a short pause (debounced per row), an older answer never overwrites a newer one, and a value the server
 * refuses (422 naming the item) is marked on its cell while the other values are scored without it.
 */
export type ItemValues = Record<string, string | number | null | undefined>

export interface LiveScore {
  /** item key → score, level (and bonus); keys are the scorer's (bmi for height + weight) */
  items: Record<string, ItemView>
  /** input key → the server's message for a refused value */
  errors: Record<string, string>
  missingItems: string[]
  standardScore?: number
  bonus?: number
  totalScore?: number
  totalScoreRounded?: number
  rating?: string
  /** a request for this row is waiting or running */
  pending: boolean
}

export interface ScoreRequest {
  grade: number
  sex: string
  items: Record<string, string | number>
}

export type ScoreFn = (req: ScoreRequest, signal: AbortSignal) => Promise<ScoreResponse>

export interface LiveScorerOptions {
  score: ScoreFn
  onResult: (key: string, state: LiveScore) => void
  delayMs?: number
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void }
}

/** The values worth sending: trimmed, blanks dropped. */
export function cleanValues(values: ItemValues): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined) continue
    if (typeof v === 'number') {
      if (!Number.isNaN(v)) out[k] = v
      continue
    }
    const s = v.trim()
    if (s !== '') out[k] = s
  }
  return out
}

export function emptyScore(pending = false): LiveScore {
  return { items: {}, errors: {}, missingItems: [], pending }
}

/** Merges a score answer and the refused values into what the row shows. */
export function mergeScore(response: ScoreResponse | null, errors: Record<string, string> = {}): LiveScore {
  if (!response) return { ...emptyScore(), errors: { ...errors } }
  return {
    items: { ...response.items },
    errors: { ...errors },
    missingItems: [...(response.missingItems ?? [])],
    standardScore: response.standardScore,
    bonus: response.bonus,
    totalScore: response.totalScore,
    totalScoreRounded: response.totalScoreRounded,
    // a refused value means the row is not complete, whatever the rest says
    rating: Object.keys(errors).length ? undefined : response.rating,
    pending: false,
  }
}

/** Per-field messages of a 422 whose fields are item keys; null when the error is of another kind. */
export function itemErrors(error: unknown, sent: Record<string, unknown>): Record<string, string> | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null
  const out: Record<string, string> = {}
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    if (field in sent) out[field] = message
  }
  return Object.keys(out).length ? out : null
}

export function createLiveScorer(opts: LiveScorerOptions) {
  const delay = opts.delayMs ?? 350
  const timers = opts.timers ?? {
    set: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  }
  const waiting = new Map<string, unknown>()
  const running = new Map<string, AbortController>()
  const seq = new Map<string, number>()

  async function run(key: string, req: ScoreRequest): Promise<void> {
    running.get(key)?.abort()
    const controller = new AbortController()
    running.set(key, controller)
    const mine = (seq.get(key) ?? 0) + 1
    seq.set(key, mine)
    const current = () => seq.get(key) === mine
    let items = req.items
    let errors: Record<string, string> = {}
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        if (Object.keys(items).length === 0) {
          if (current()) opts.onResult(key, mergeScore(null, errors))
          return
        }
        try {
          const res = await opts.score({ ...req, items }, controller.signal)
          if (current()) opts.onResult(key, mergeScore(res, errors))
          return
        } catch (e) {
          const bad = itemErrors(e, items)
          if (!bad) throw e
          errors = { ...errors, ...bad }
          items = Object.fromEntries(Object.entries(items).filter(([k]) => !(k in bad)))
        }
      }
      if (current()) opts.onResult(key, mergeScore(null, errors))
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return
      // the preview is a help, not a gate: a failed call leaves the row without scores (saving still checks)
      if (current()) opts.onResult(key, mergeScore(null, errors))
    } finally {
      if (running.get(key) === controller) running.delete(key)
    }
  }

  return {
    /** Scores `values` for this row after the pause; a newer call for the row replaces a waiting one. */
    schedule(key: string, grade: number, sex: string, values: ItemValues): void {
      const h = waiting.get(key)
      if (h !== undefined) timers.clear(h)
      const req = { grade, sex, items: cleanValues(values) }
      waiting.set(
        key,
        timers.set(() => {
          waiting.delete(key)
          void run(key, req)
        }, delay),
      )
    },
    /** Scores now (e.g. on blur); returns when the answer is in. */
    now(key: string, grade: number, sex: string, values: ItemValues): Promise<void> {
      const h = waiting.get(key)
      if (h !== undefined) timers.clear(h)
      waiting.delete(key)
      return run(key, { grade, sex, items: cleanValues(values) })
    },
    isWaiting(key: string): boolean {
      return waiting.has(key) || running.has(key)
    },
    dispose(): void {
      for (const h of waiting.values()) timers.clear(h)
      waiting.clear()
      for (const c of running.values()) c.abort()
      running.clear()
    },
  }
}

export type LiveScorer = ReturnType<typeof createLiveScorer>

/**
 * The grid's columns for a class: items both sexes take, then the sex-specific ones paired into one column
 * (男 引体向上 / 女 一分钟仰卧起坐; 男 1000米 / 女 800米), as paper score sheets do.
 */
export interface GridColumn {
  key: string
  M?: string
  F?: string
}

export function gridColumns(required: { M?: string[]; F?: string[] }): GridColumn[] {
  const m = required.M ?? []
  const f = required.F ?? []
  const common = m.filter((k) => f.includes(k))
  const mOnly = m.filter((k) => !f.includes(k))
  const fOnly = f.filter((k) => !m.includes(k))
  const cols: GridColumn[] = common.map((k) => ({ key: k, M: k, F: k }))
  for (let i = 0; i < Math.max(mOnly.length, fOnly.length); i++) {
    const a = mOnly[i]
    const b = fOnly[i]
    cols.push({ key: [a, b].filter(Boolean).join('|'), M: a, F: b })
  }
  return cols
}
