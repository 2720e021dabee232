import type { ChainBreak } from '@/api/types'

/**
 * The server names a broken audit chain by a stable code (problemCode) and describes it in the reader's language;
 * older servers described it in English only ("missing event (seq 7 absent: deleted?)"). The auditor's page names
 * the kind of break in the UI language and keeps the server's description beside it.
 */
export const BREAK_KINDS = [
  'missing',
  'relinked',
  'changed',
  'inserted',
  'root_mismatch',
  'unsealed',
  'seal_missing',
  'seal_relinked',
  'seal_changed',
  'seal_signature',
  'checkpoint',
  'checkpoint_invalid',
] as const
export type BreakKind = (typeof BREAK_KINDS)[number]

/** The kind of break: the server's stable code, or (older servers) recognised from its English description. */
export function breakKind(problem: string | undefined | null, code?: string | null): BreakKind | null {
  if (code && (BREAK_KINDS as readonly string[]).includes(code)) return code as BreakKind
  const p = (problem ?? '').toLowerCase()
  if (p.startsWith('missing')) return 'missing'
  if (p.includes('link to the previous')) return 'relinked'
  if (p.includes('does not match its hash')) return 'changed'
  return null
}

/** A chain's display name: a school's id, or the county chain. */
export function chainLabel(chain: string | undefined | null, county: string): string {
  return chain === 'county' ? county : (chain ?? '–')
}

export function describeBreak(
  b: Pick<ChainBreak, 'chain' | 'seq' | 'problem'> & Partial<Pick<ChainBreak, 'problemCode'>>,
  t: (key: string, params?: Record<string, unknown>) => string,
): string {
  const kind = breakKind(b.problem, b.problemCode)
  const problem = kind ? t(`audit.problems.${kind}`) : b.problem
  return t('audit.brokenDetail', { chain: chainLabel(b.chain, t('audit.county')), seq: b.seq, problem })
}
