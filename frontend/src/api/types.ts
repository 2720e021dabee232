/** Shapes of the /api/v1 responses, mirroring the Java records (see the controllers named per type). */

export type Role =
  | 'student'
  | 'parent'
  | 'teacher'
  | 'head_teacher'
  | 'counselor'
  | 'school_admin'
  | 'bureau_admin'
  | 'admissions_officer'
  | 'auditor'

export const ROLES: readonly Role[] = [
  'student',
  'parent',
  'teacher',
  'head_teacher',
  'counselor',
  'school_admin',
  'bureau_admin',
  'admissions_officer',
  'auditor',
]

/** MeController.Child */
export interface Child {
  studentId: string
  name: string
  classId: string
  className: string
  schoolId: string
}

/** MeController.Me (GET /api/v1/me) */
export interface Me {
  username: string
  name?: string
  roles: string[]
  schoolId?: string
  schoolName?: string
  countyId?: string
  termCode?: string
  termName?: string
  studentId?: string
  studentName?: string
  classId?: string
  className?: string
  children?: Child[]
}

export type SchoolStage = 'PRIMARY' | 'JUNIOR' | 'SENIOR'
export const SCHOOL_STAGES: readonly SchoolStage[] = ['PRIMARY', 'JUNIOR', 'SENIOR']

/** Views.ClassView */
export interface ClassView {
  id: string
  schoolId: string
  stage: SchoolStage
  entryYear: number
  classNo: number
  termCode: string
  gradeLevel: number
  name: string
  graduationYear: number
  active: boolean
  version?: number
}

/** Views.TermView */
export interface TermView {
  schoolId: string
  code: string
  name: string
  schoolYear: string
  semester: number
  startDate: string
  endDate: string
  current: boolean
}

/** Views.StaffView */
export interface StaffView {
  username: string
  schoolId: string
  name: string
  subjects: string[]
}

export type AssignmentRole = 'HEAD_TEACHER' | 'PE' | 'ARTS' | 'LABOUR' | 'SUBJECT' | 'COUNSELOR'
export const ASSIGNMENT_ROLES: readonly AssignmentRole[] = ['HEAD_TEACHER', 'PE', 'ARTS', 'LABOUR', 'SUBJECT', 'COUNSELOR']

/** Views.AssignmentView */
export interface AssignmentView {
  id: string
  schoolId: string
  termCode: string
  username: string
  personName?: string
  role: AssignmentRole
  classId?: string
  subject?: string
}

export type Sex = 'M' | 'F'
export type StudentStatus = 'ENROLLED' | 'SUSPENDED' | 'TRANSFERRED_OUT' | 'GRADUATED'
export const STUDENT_STATUSES: readonly StudentStatus[] = ['ENROLLED', 'SUSPENDED', 'TRANSFERRED_OUT', 'GRADUATED']

export interface Guardian {
  username?: string
  name: string
  relation?: string
  phone?: string
}

export interface Enrollment {
  classId: string
  from?: string
  to?: string
  reason?: string
}

/** StudentResponse: private fields are absent unless the caller may read them; studentNo is then masked. */
export interface Student {
  id: string
  schoolId: string
  studentNo: string
  name: string
  sex: Sex
  className?: string
  classId: string
  status: StudentStatus
  birthDate?: string
  ethnicity?: string
  username?: string
  guardians?: Guardian[]
  enrollments?: Enrollment[]
  version?: number
}

/** PageResult: page is 0-based */
export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

/** RosterImport.Report */
export interface ImportReport {
  total: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  errors: { row: number; field: string; reason: string }[]
}
