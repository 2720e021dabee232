import type { Portrait, PortraitDimension } from '@/api/insight'

export const DIMENSIONS: readonly PortraitDimension[] = [
  'MORAL',
  'ACADEMIC',
  'PHYSICAL',
  'ARTS',
  'LABOUR',
  'SOCIAL_PRACTICE',
]

/** The latest term's scores in dimension order for the radar (0 where the viewer sees no figure, flagged as such). */
export function radarOf(p: Portrait): { values: number[]; known: boolean[]; term: string | null } {
  const last = p.terms[p.terms.length - 1]
  if (!last) return { values: DIMENSIONS.map(() => 0), known: DIMENSIONS.map(() => false), term: null }
  const byDim = new Map(last.dimensions.map((d) => [d.dimension, d]))
  return {
    values: DIMENSIONS.map((d) => byDim.get(d)?.score ?? 0),
    known: DIMENSIONS.map((d) => byDim.get(d)?.score !== undefined && byDim.get(d)?.score !== null),
    term: last.termName,
  }
}

/** One line per dimension over the terms (null where unknown, so the line has a gap rather than a false 0). */
export function trendOf(p: Portrait): {
  terms: string[]
  series: { dimension: PortraitDimension; values: (number | null)[] }[]
} {
  return {
    terms: p.terms.map((t) => t.termName),
    series: DIMENSIONS.map((d) => ({
      dimension: d,
      values: p.terms.map((t) => t.dimensions.find((x) => x.dimension === d)?.score ?? null),
    })),
  }
}
