import type { StudentRecord } from '@/api/records'

/**
 * What the record detail offers, mirroring RecordService (mayEdit, void, delete, submit, review). The server
 * decides; these only avoid offering buttons that can only fail.
 */
export interface Viewer {
  username?: string
  student: boolean
  reviewer: boolean // head teacher or school admin
  staff: boolean
}

export function canEdit(r: StudentRecord, v: Viewer): boolean {
  if (r.status === 'VOIDED') return false
  if (v.student) return r.source === 'STUDENT' && (r.status === 'DRAFT' || r.status === 'REJECTED')
  if (v.reviewer && r.status !== 'DRAFT') return true
  return v.staff && !!v.username && r.recordedBy?.username === v.username
}

export function canVoid(r: StudentRecord, v: Viewer): boolean {
  if (!v.staff || r.status === 'VOIDED' || r.status === 'DRAFT') return false
  return v.reviewer || (!!v.username && r.recordedBy?.username === v.username)
}

export function canDelete(r: StudentRecord, v: Viewer): boolean {
  return r.status === 'DRAFT' && !!v.username && r.recordedBy?.username === v.username
}

export function canSubmit(r: StudentRecord, v: Viewer): boolean {
  return v.student && r.source === 'STUDENT' && (r.status === 'DRAFT' || r.status === 'REJECTED')
}

export function canReview(r: StudentRecord, v: Viewer): boolean {
  return v.reviewer && r.status === 'SUBMITTED'
}

export function statusType(status: string): 'info' | 'warning' | 'success' | 'danger' | 'primary' {
  switch (status) {
    case 'APPROVED':
      return 'success'
    case 'SUBMITTED':
      return 'warning'
    case 'REJECTED':
      return 'danger'
    case 'DRAFT':
      return 'primary'
    default:
      return 'info'
  }
}
