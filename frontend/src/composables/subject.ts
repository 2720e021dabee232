import { computed } from 'vue'
import { useSessionStore } from '@/stores/session'

/**
 * The student a family page is about: a student's own record, or the child a parent picked in the top bar.
 * null when the account is not linked to a student yet.
 */
export function useFamilySubject() {
  const session = useSessionStore()
  return computed<{ studentId: string; name: string; self: boolean } | null>(() => {
    if (session.grants.self && session.me?.studentId) {
      return { studentId: session.me.studentId, name: session.me.studentName ?? '', self: true }
    }
    const child = session.selectedChild
    return child ? { studentId: child.studentId, name: child.name, self: false } : null
  })
}
