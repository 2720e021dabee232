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
export interface Child {
  studentId: string
  name: string
  classId: string
  className: string
  schoolId: string
}

/** Where a permission applies (Permissions.Level). */
export type PermissionScope = 'student' | 'class' | 'school' | 'county' | 'account'

/** Permissions.Granted: a stable code the access policy granted, and the ids (students, classes, …) it covers. */
export interface Permission {
  code: string
  scope: PermissionScope
  ids: string[]
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
  /** what the user may do, computed by the access policy (docs/access-model.md) */
  permissions?: Permission[]
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
export const ASSIGNMENT_ROLES: readonly AssignmentRole[] = [
  'HEAD_TEACHER',
  'PE',
  'ARTS',
  'LABOUR',
  'SUBJECT',
  'COUNSELOR',
]

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
/** One rejected row: the field's machine name and its name for people (label), a stable code, the reason. */
export interface ImportRowError {
  row: number
  field?: string
  /** the column's header in the uploaded file (fitness sheets) */
  column?: string
  label?: string
  code?: string
  reason: string
}

export interface ImportReport {
  /** the import job: its progress while running, its rejected rows as a sheet afterwards */
  jobId?: string
  total: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  errors: ImportRowError[]
}

/** ImportJobs.JobView (GET /api/v1/imports/{id}): rows read, accepted and rejected so far. */
export interface ImportJob {
  id: string
  kind: 'roster' | 'fitness'
  status: 'RUNNING' | 'DONE' | 'FAILED'
  read: number
  accepted: number
  rejected: number
  rejectedRowsKept?: number
}

/** AuditQueries.EventView (GET /api/v1/audit/events) */
export interface AuditEvent {
  id: string
  chain: string
  seq: number
  at: string
  username: string
  actorName?: string
  role?: string
  roleLabel?: string
  action: string
  /** the action in the user's language */
  actionLabel?: string
  studentName?: string
  reasonCode?: string
  dataClassLabel?: string
  resourceType?: string
  resourceId?: string
  studentId?: string
  schoolId?: string
  outcome: 'ALLOWED' | 'DENIED'
  reason?: string
  dataClass?: string
  hash: string
}

/** AuditQueries.Break: the first broken link found */
export interface ChainBreak {
  chain?: string
  seq: number
  eventId?: string
  /** the break in the reader's language (older servers: an English description) */
  problem: string
  /** stable kind of break (missing, changed, inserted, root_mismatch, seal_*, checkpoint, …); absent from older servers */
  problemCode?: string
  /** the stream (chain/instance) of the event; absent for events written before streams */
  stream?: string
  /** the checkpoint file the trail contradicts (checkpoint, checkpoint_invalid) */
  checkpoint?: string
}

/** AuditQueries.Verification (GET /api/v1/audit/verify) */
export interface ChainVerification {
  intact: boolean
  eventsChecked: number
  chains: string[]
  firstBreak?: ChainBreak
  sealed?: number
  pending?: number
  seals?: number
  checkpoints?: number
  lastCheckpoint?: string
}

/** AuditController.AccessEntry (GET /api/v1/students/{id}/access-log) */
export interface AccessEntry {
  /** the last time (= lastAt) */
  at: string
  firstAt?: string
  lastAt?: string
  /** how many times this person read this kind of data (repeated reads are one line) */
  count?: number
  role?: string
  roleLabel?: string
  name?: string
  action: string
  actionLabel?: string
  dataClass?: string
  dataClassLabel?: string
  /** a reason the system wrote, as a code (e.g. assigned_task); absent for people's own words */
  reasonCode?: string
  reason?: string
}

/** ConsentRegister.Notice; title and text are keyed by language tag ('zh-CN', 'en') */
export interface Notice {
  purpose: string
  version: number
  consentRequired: boolean
  title: Record<string, string>
  text: Record<string, string>
}

export type ConsentDecision = 'GRANTED' | 'REFUSED'

/** ConsentRegister.ConsentView */
export interface Consent {
  id: string
  purpose: string
  noticeVersion: number
  decision: ConsentDecision
  byName?: string
  byRelation?: string
  at: string
  withdrawnAt?: string
}

/** ConsentRegister.BasisView: a school's statutory basis for a purpose */
export interface ProcessingBasis {
  id: string
  purpose: string
  basis: string
  reference: string
  by?: string
  at: string
}

/** AccessGrants.GrantView */
export interface Grant {
  id: string
  kind: 'BREAK_GLASS' | 'ADMISSIONS_RELEASE'
  grantee: string
  studentId: string
  schoolId: string
  reason?: string
  from: string
  until: string
  grantedBy?: string
  revokedAt?: string
  active: boolean
}

/** Notifications.Notification */
export interface AppNotification {
  id: string
  recipient: string
  schoolId?: string
  kind: string
  title: string
  body?: string
  link?: string
  createdAt: string
  readAt?: string
}

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
