import { classesApi } from '@/api/endpoints'
import type { CompletionStatus, ReceiptStatus } from '@/api/family'
import type { ClassView } from '@/api/types'
import { useSessionStore } from '@/stores/session'

type TagType = 'success' | 'warning' | 'info' | 'danger' | 'primary'

/** Colour of a receipt: confirmed green, read blue, unread orange, no account grey. */
export function receiptTagType(status: ReceiptStatus): TagType {
  return status === 'CONFIRMED' ? 'success' : status === 'READ' ? 'primary' : status === 'UNREAD' ? 'warning' : 'info'
}

/** Colour of a home-task tick. */
export function completionTagType(status: CompletionStatus): TagType {
  switch (status) {
    case 'APPROVED':
      return 'success'
    case 'SUBMITTED':
      return 'primary'
    case 'AWAITING_GUARDIAN':
      return 'warning'
    case 'REJECTED':
      return 'danger'
    default:
      return 'info'
  }
}

/**
 * The classes the signed-in staff member may send a notice to, from /me's permissions (every class for the school
 * admin, their own classes for a head teacher); the server decides, this only fills the picker.
 */
export async function noticeClasses(): Promise<ClassView[]> {
  const session = useSessionStore()
  const classes = (await classesApi.list()).filter((c) => c.active)
  return classes.filter((c) => session.can('notices.send', 'class', c.id))
}

/** The classes whose 五项管理 week and home tasks the signed-in head teacher (or admin) follows. */
export async function followedClasses(): Promise<ClassView[]> {
  const session = useSessionStore()
  const classes = (await classesApi.list()).filter((c) => c.active)
  return classes.filter((c) => session.can('five-management.read', 'class', c.id))
}

/** A name may not appear in a notice to the class: the sender hears it before sending (the server checks too). */
export function namedStudents(text: string, names: readonly string[]): string[] {
  const compact = text.replace(/\s+/g, '')
  return names.filter((n) => [...n].length >= 2 && compact.includes(n))
}

/** An 18-character ID number or 学籍号 in a text (as the server refuses it). */
export function hasPersonalNumber(text: string): boolean {
  return /(?<![0-9A-Za-z])[GJLgjl]?\d{17}[0-9Xx](?![0-9A-Za-z])/.test(text)
}
