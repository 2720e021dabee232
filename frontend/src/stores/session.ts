import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { meApi } from '@/api/endpoints'
import type { Child, Me, PermissionScope, Role } from '@/api/types'
import { ROLES } from '@/api/types'
import { grantsOf, type Grants } from '@/navigation/grants'

const CHILD_KEY = 'zhsz.child'

/**
 * Who is signed in, as GET /api/v1/me describes them; a parent's currently selected child. What the user may do
 * comes from the server's `permissions` (`can`, `grants`); roles are only shown, never used to decide.
 */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const loading = ref(false)
  const error = ref<unknown>(null)
  const selectedChildId = ref<string | null>(readChild())

  const roles = computed<Role[]>(() => (me.value?.roles ?? []).filter((r): r is Role => ROLES.includes(r as Role)))
  const grants = computed<Grants>(() => grantsOf(me.value))
  /** the role shown in the top bar (display only): the most specific one the user has */
  const primaryRole = computed<Role | undefined>(() => {
    const order: Role[] = [
      'school_admin',
      'bureau_admin',
      'head_teacher',
      'counselor',
      'school_doctor',
      'teacher',
      'admissions_officer',
      'auditor',
      'parent',
      'student',
    ]
    return order.find((r) => roles.value.includes(r))
  })
  const children = computed<Child[]>(() => me.value?.children ?? [])
  const selectedChild = computed<Child | undefined>(
    () => children.value.find((c) => c.studentId === selectedChildId.value) ?? children.value[0],
  )

  /** Is the permission granted (at this scope, for this student/class/school id, when given)? */
  function can(code: string, scope?: PermissionScope, id?: string | null): boolean {
    return grants.value.can(code, scope, id)
  }

  async function load(): Promise<Me> {
    loading.value = true
    error.value = null
    try {
      me.value = await meApi.get()
      return me.value
    } catch (e) {
      error.value = e
      throw e
    } finally {
      loading.value = false
    }
  }

  function selectChild(studentId: string): void {
    selectedChildId.value = studentId
    try {
      localStorage.setItem(CHILD_KEY, studentId)
    } catch {
      // ignore: selection lasts for this tab
    }
  }

  /** Is the permission granted for this student (on the student, for the family; on their class, for staff)? */
  function canForStudent(code: string, studentId: string, classId?: string | null): boolean {
    return grants.value.forStudent(code, studentId, classId)
  }

  return {
    me,
    loading,
    error,
    roles,
    primaryRole,
    grants,
    children,
    selectedChild,
    selectedChildId,
    can,
    canForStudent,
    load,
    selectChild,
  }
})

function readChild(): string | null {
  try {
    return localStorage.getItem(CHILD_KEY)
  } catch {
    return null
  }
}
