import type { Consent, Notice } from '@/api/types'

/**
 * Where a family stands on one notice: the newest decision counts, as on the server (ConsentRegister.basis);
 * a withdrawn consent stays withdrawn until a new decision is recorded.
 */
export type ConsentStatus = 'GRANTED' | 'REFUSED' | 'WITHDRAWN' | 'NONE'

export interface ConsentState {
  status: ConsentStatus
  consent?: Consent
}

export function currentState(consents: readonly Consent[], purpose: string): ConsentState {
  const newest = consents
    .filter((c) => c.purpose === purpose)
    .reduce<Consent | undefined>((a, b) => (!a || Date.parse(b.at) > Date.parse(a.at) ? b : a), undefined)
  if (!newest) return { status: 'NONE' }
  return { status: newest.withdrawnAt ? 'WITHDRAWN' : newest.decision, consent: newest }
}

/** What the family may do next on a notice that needs consent. */
export function nextActions(notice: Notice, state: ConsentState): ('grant' | 'refuse' | 'withdraw')[] {
  if (!notice.consentRequired) return []
  switch (state.status) {
    case 'GRANTED':
      return ['withdraw']
    case 'REFUSED':
      return ['grant']
    default:
      return ['grant', 'refuse']
  }
}

/** A notice's title or text in the UI language, falling back to Chinese, then to any language given. */
export function localized(texts: Record<string, string> | undefined, locale: string): string {
  if (!texts) return ''
  return texts[locale] ?? texts['zh-CN'] ?? Object.values(texts)[0] ?? ''
}
