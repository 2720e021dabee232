import type { Me, Permission, PermissionScope } from '@/api/types'

/**
 * What the signed-in user may do, as GET /api/v1/me says (`permissions`, computed by the server's access policy).
 * The web app asks here — never by role — which pages to offer, which buttons to show and which pages are
 * read-only; the server still decides every request.
 */
export interface Grants {
  /** the code is granted (at this scope, for this id, when given) */
  can(code: string, scope?: PermissionScope, id?: string | null): boolean
  /** granted for this student: on the student themself (family) or on their class (staff) */
  forStudent(code: string, studentId: string, classId?: string | null): boolean
  /** the ids a code covers at a scope (e.g. the classes a teacher may record for) */
  ids(code: string, scope: PermissionScope): string[]
  /** the user's own student record (students) */
  self?: string
  /** the user's children (parents) */
  children: string[]
}

export function grantsOf(me: Pick<Me, 'permissions' | 'studentId' | 'children'> | null | undefined): Grants {
  const list: Permission[] = me?.permissions ?? []
  return {
    can(code, scope, id) {
      return list.some(
        (p) =>
          p.code === code &&
          (!scope || p.scope === scope) &&
          (id == null || p.scope === 'account' || p.ids.includes(id)),
      )
    },
    forStudent(code, studentId, classId) {
      return this.can(code, 'student', studentId) || (!!classId && this.can(code, 'class', classId))
    },
    ids(code, scope) {
      return list.filter((p) => p.code === code && p.scope === scope).flatMap((p) => p.ids)
    },
    self: me?.studentId ?? undefined,
    children: (me?.children ?? []).map((c) => c.studentId),
  }
}

export const NO_GRANTS: Grants = grantsOf(null)
