/**
 * Shapes of the /api/v1 responses. Each is the type generated from the server's OpenAPI document (schema.d.ts, from
 * openapi.json; `npm run api:types`), named after its Java record; a property is optional exactly where the record
 * component is @Nullable. Narrower unions are kept only where the server sends a plain string.
 */
import type { components } from './schema'

type Schemas = components['schemas']

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
  | 'school_doctor'

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
  'school_doctor',
]

/** MeController.Child */
export type Child = Schemas['MeController.Child']

/** Where a permission applies (Permissions.Level). */
export type PermissionScope = 'student' | 'class' | 'school' | 'county' | 'account'

/** Permissions.Granted: a stable code the access policy granted, and the ids (students, classes, …) it covers. */
export type Permission = Omit<Schemas['Permissions.Granted'], 'scope'> & { scope: PermissionScope }

/** MeController.Me (GET /api/v1/me) */
export type Me = Omit<Schemas['MeController.Me'], 'permissions'> & {
  /** what the user may do, computed by the access policy (docs/access-model.md) */
  permissions: Permission[]
}

export type SchoolStage = 'PRIMARY' | 'JUNIOR' | 'SENIOR'
export const SCHOOL_STAGES: readonly SchoolStage[] = ['PRIMARY', 'JUNIOR', 'SENIOR']

/** Views.ClassView */
export type ClassView = Schemas['Views.ClassView']

/** Views.TermView */
export type TermView = Schemas['Views.TermView']

/** Views.StaffView */
export type StaffView = Schemas['Views.StaffView']

export type AssignmentRole = 'HEAD_TEACHER' | 'PE' | 'ARTS' | 'LABOUR' | 'SUBJECT' | 'COUNSELOR'
export const ASSIGNMENT_ROLES: readonly AssignmentRole[] = [
  'HEAD_TEACHER',
  'PE',
  'ARTS',
  'LABOUR',
  'SUBJECT',
  'COUNSELOR',
]

/** Views.AssignmentView */
export type AssignmentView = Schemas['Views.AssignmentView']

export type Sex = 'M' | 'F'
export type StudentStatus = 'ENROLLED' | 'SUSPENDED' | 'TRANSFERRED_OUT' | 'GRADUATED'
export const STUDENT_STATUSES: readonly StudentStatus[] = ['ENROLLED', 'SUSPENDED', 'TRANSFERRED_OUT', 'GRADUATED']

export type Guardian = Schemas['StudentView.GuardianView']
/** StudentController.GuardianBody: one guardian as PUT /students/{id}/guardians takes it */
export type GuardianInput = Schemas['StudentController.GuardianBody']

export type Enrollment = Schemas['StudentView.EnrollmentView']

/** StudentResponse: private fields are absent unless the caller may read them; studentNo is then masked. */
export type Student = Schemas['StudentResponse']

/** PageResult: page is 0-based */
export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

/** RosterImport.Report */
/** One rejected row: the field's machine name and its name for people (label), a stable code, the reason. */
export type ImportRowError = Schemas['RosterImport.RowError'] &
  Partial<Pick<Schemas['FitnessImport.RowError'], 'column'>>

export type ImportReport = Schemas['RosterImport.Report']

/** ImportJobs.JobView (GET /api/v1/imports/{id}): rows read, accepted and rejected so far. */
export type ImportJob = Omit<Schemas['ImportJobs.JobView'], 'kind' | 'status'> & {
  kind: 'roster' | 'fitness'
  status: 'RUNNING' | 'DONE' | 'FAILED'
}

/** AuditQueries.EventView (GET /api/v1/audit/events) */
export type AuditEvent = Omit<Schemas['AuditController.EventEntry'], 'outcome'> & { outcome: 'ALLOWED' | 'DENIED' }

/** AuditQueries.Break: the first broken link found */
export type ChainBreak = Schemas['AuditQueries.Break']

/** AuditQueries.Verification (GET /api/v1/audit/verify) */
export type ChainVerification = Schemas['AuditQueries.Verification']

/** AuditController.AccessEntry (GET /api/v1/students/{id}/access-log) */
export type AccessEntry = Schemas['AuditController.AccessEntry']

/** ConsentRegister.Notice; title and text are keyed by language tag ('zh-CN', 'en') */
export type Notice = Schemas['ConsentRegister.Notice']

export type ConsentDecision = 'GRANTED' | 'REFUSED'

/** ConsentRegister.ConsentView */
export type Consent = Omit<Schemas['ConsentRegister.ConsentView'], 'decision'> & { decision: ConsentDecision }

/** ConsentRegister.BasisView: a school's statutory basis for a purpose */
export type ProcessingBasis = Schemas['ConsentRegister.BasisView']

/** AccessGrants.GrantView */
export type Grant = Omit<Schemas['AccessGrants.GrantView'], 'kind'> & { kind: 'BREAK_GLASS' | 'ADMISSIONS_RELEASE' }

/** Notifications.Notification */
export type AppNotification = Schemas['Notifications.Notification']

/** platform.DataClass: the kinds of data the access policy distinguishes */
export const DATA_CLASSES = [
  'PROFILE',
  'PROFILE_PRIVATE',
  'GENERAL_RECORDS',
  'HEALTH_FITNESS',
  'FITNESS_SCORE',
  'SPECIAL_CONSTITUTION',
  'SPECIAL_CONSTITUTION_GUIDANCE',
  'MENTAL_HEALTH',
  'MENTAL_HEALTH_FLAG',
  'ARCHIVE',
  'ACCESS_LOG',
  'CLASS_NOTICE',
  'HOME_TASK',
  'HOME_TASK_CHECKLIST',
  'FIVE_MANAGEMENT',
  'HOMEWORK',
  'VISION',
  'VISION_ADVICE',
  'ATTENDANCE',
] as const
export type DataClass = (typeof DATA_CLASSES)[number]

/** the purposes of notices/consents the platform knows (ConsentRegister, notices.json) */
export const PURPOSES = [
  'MENTAL_HEALTH_SCREENING',
  'HEALTH_SPECIAL_CONSTITUTION',
  'ARCHIVE_ADMISSIONS_RELEASE',
] as const
