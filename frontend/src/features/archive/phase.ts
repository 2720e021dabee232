import type { ArchivePhase, ArchiveView, SignRole } from '@/api/archive'

/**
 * The term archive's steps as families and staff see them (ArchiveService.phase): 整理遴选 → 公示 → 签字确认 →
 * 锁定. What each person may do depends on the step and on whose signature is due next (student, guardian,
 * head teacher, then the school for the principal), which the server also enforces.
 */
export const PHASES: readonly ArchivePhase[] = ['SELECTING', 'IN_PUBLICITY', 'SIGNING', 'LOCKED']

/** Index of the phase in the steps bar (unknown phases count as the first step). */
export function phaseStep(phase: string | undefined | null): number {
  const i = PHASES.indexOf(phase as ArchivePhase)
  return i < 0 ? 0 : i
}

/** Tag colour of a phase. */
export function phaseType(phase: string | undefined | null): 'info' | 'warning' | 'primary' | 'success' {
  switch (phase) {
    case 'IN_PUBLICITY':
      return 'warning'
    case 'SIGNING':
      return 'primary'
    case 'LOCKED':
      return 'success'
    default:
      return 'info'
  }
}

/** The signer for a viewer's relationship to the student. */
export type Signer = 'student' | 'guardian' | 'head_teacher' | 'principal'

const ROLE_OF: Record<Signer, SignRole> = {
  student: 'STUDENT',
  guardian: 'GUARDIAN',
  head_teacher: 'HEAD_TEACHER',
  principal: 'PRINCIPAL',
}

type View = Pick<ArchiveView, 'phase' | 'status' | 'nextSignatures' | 'openObjections' | 'signatures'>

/** Whose signature is due next, if any. */
export function nextSigner(view: View): SignRole | undefined {
  return view.phase === 'LOCKED' ? undefined : view.nextSignatures?.[0]
}

/** Selection and self-statement are open until publicity starts. */
export function canEditSelection(view: View): boolean {
  return view.status === 'DRAFT'
}

/** The head teacher's comment is open until the first signature. */
export function canComment(view: View): boolean {
  return view.status !== 'LOCKED' && (view.signatures?.length ?? 0) === 0
}

/** Why a signer cannot sign now; null when they can. */
export function signBlocker(
  view: View,
  signer: Signer,
): 'locked' | 'not_yet' | 'objections' | 'not_your_turn' | 'signed' | null {
  if (view.phase === 'LOCKED') return 'locked'
  if (view.signatures?.some((s) => s.role === ROLE_OF[signer])) return 'signed'
  if (view.phase !== 'SIGNING') return 'not_yet'
  if (view.openObjections > 0) return 'objections'
  if (nextSigner(view) !== ROLE_OF[signer]) return 'not_your_turn'
  return null
}

export function canSign(view: View, signer: Signer): boolean {
  return signBlocker(view, signer) === null
}

/** Short form of a SHA-256 for display: first and last 8 hex digits. */
export function shortHash(hash: string | undefined | null): string {
  if (!hash) return '—'
  return hash.length > 20 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash
}
