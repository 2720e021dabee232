import type { ArchiveView } from '@/api/archive'

/**
 * 整理遴选: the student picks at most `limit` approved records per dimension for the term archive. The server
 * checks the same limit (422 too_many); the page refuses the extra pick straight away and says why.
 */
export type Selection = Record<string, string[]>

export function selectionOf(view: Pick<ArchiveView, 'selected'>): Selection {
  const out: Selection = {}
  for (const [dim, records] of Object.entries(view.selected ?? {})) {
    if (records?.length) out[dim] = records.map((r) => r.id)
  }
  return out
}

export function isSelected(sel: Selection, dim: string, id: string): boolean {
  return (sel[dim] ?? []).includes(id)
}

export function countIn(sel: Selection, dim: string): number {
  return (sel[dim] ?? []).length
}

export interface ToggleResult {
  selection: Selection
  /** set when the pick was refused because the dimension is full */
  refused?: 'limit'
}

/** Adds or removes one record; never more than `limit` in a dimension. Returns a new object. */
export function toggle(sel: Selection, dim: string, id: string, limit: number): ToggleResult {
  const current = sel[dim] ?? []
  if (current.includes(id)) {
    const rest = current.filter((x) => x !== id)
    const next = { ...sel, [dim]: rest }
    if (rest.length === 0) delete next[dim]
    return { selection: next }
  }
  if (current.length >= limit) return { selection: sel, refused: 'limit' }
  return { selection: { ...sel, [dim]: [...current, id] } }
}

/** Records grouped by dimension in the national order, for the picker. */
export function groupByDimension<T extends { dimension: string }>(
  records: T[],
  order: readonly string[],
): [string, T[]][] {
  const groups = new Map<string, T[]>()
  for (const d of order) groups.set(d, [])
  for (const r of records) {
    if (!groups.has(r.dimension)) groups.set(r.dimension, [])
    groups.get(r.dimension)!.push(r)
  }
  return [...groups.entries()].filter(([, list]) => list.length > 0)
}

/** True when two selections hold the same records (order within a dimension matters: it is the print order). */
export function sameSelection(a: Selection, b: Selection): boolean {
  const keys = new Set(
    [...Object.keys(a), ...Object.keys(b)].filter((k) => (a[k]?.length ?? 0) + (b[k]?.length ?? 0) > 0),
  )
  for (const k of keys) {
    const x = a[k] ?? []
    const y = b[k] ?? []
    if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false
  }
  return true
}

/** Characters as the server counts them (code points, so 𠮷 is one). */
export function charCount(text: string | undefined | null): number {
  return text ? [...text].length : 0
}
