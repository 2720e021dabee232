import { api } from './index'
import type {
  AccessEntry,
  AppNotification,
  AuditEvent,
  ChainVerification,
  Consent,
  ConsentDecision,
  Grant,
  Notice,
  ProcessingBasis,
  AssignmentRole,
  AssignmentView,
  ClassView,
  GuardianInput,
  ImportJob,
  ImportReport,
  Me,
  Page,
  Sex,
  StaffView,
  Student,
  StudentStatus,
  TermView,
} from './types'
import type { components } from './schema'

type Schemas = components['schemas']

const V1 = '/api/v1'

export const meApi = {
  get: () => api.get<Me>(`${V1}/me`),
  /** the signed-in user's open work from every module, each with the page where it is done */
  todos: () => api.get<Todo[]>(`${V1}/me/todos`),
}

/** TodoSource.Todo (GET /api/v1/me/todos): a count, its text in the user's language and where the work is. */
export type Todo = Schemas['TodoSource.Todo']

export const classesApi = {
  list: (term?: string) => api.get<ClassView[]>(`${V1}/classes`, { term }),
  get: (id: string) => api.get<ClassView>(`${V1}/classes/${encodeURIComponent(id)}`),
  create: (body: Schemas['OrganizationController.NewClass'], idempotencyKey?: string) =>
    api.create<ClassView>(`${V1}/classes`, body, { idempotencyKey }),
  setActive: (id: string, active: boolean, version?: number) =>
    api.patch<ClassView>(`${V1}/classes/${encodeURIComponent(id)}`, { active }, { ifMatch: version }),
  /** who of the class (students and guardians) has a login account */
  accounts: (id: string) => api.get<ClassAccounts>(`${V1}/classes/${encodeURIComponent(id)}/accounts`),
  /**
   * Opens the missing accounts (of these students and their guardians, or of the whole class) and answers them as
   * printable slips (账号卡, PDF) with one-time passwords, shown this once only.
   */
  accountCards: (id: string, studentIds?: string[]) =>
    api.downloadPost(
      `${V1}/classes/${encodeURIComponent(id)}/accounts`,
      studentIds?.length ? { studentIds } : {},
      'application/pdf',
    ),
}

/** StudentAccounts.ClassAccounts: who of the class (students and guardians) has a login account */
export type ClassAccounts = Schemas['StudentAccounts.ClassAccounts']

export const termsApi = {
  list: () => api.get<TermView[]>(`${V1}/terms`),
  create: (body: Schemas['OrganizationController.NewTerm'], idempotencyKey?: string) =>
    api.create<TermView>(`${V1}/terms`, body, { idempotencyKey }),
}

export const staffApi = {
  list: () => api.get<StaffView[]>(`${V1}/staff`),
  create: (body: Schemas['OrganizationController.NewStaff'], idempotencyKey?: string) =>
    api.create<StaffView>(`${V1}/staff`, body, { idempotencyKey }),
}

export type NewAssignment = Omit<Schemas['OrganizationController.NewAssignment'], 'role'> & { role: AssignmentRole }

export const assignmentsApi = {
  list: (filter: { term?: string; classId?: string; username?: string } = {}) =>
    api.get<AssignmentView[]>(`${V1}/assignments`, filter),
  create: (body: NewAssignment, idempotencyKey?: string) =>
    api.create<AssignmentView>(`${V1}/assignments`, body, { idempotencyKey }),
  remove: (id: string) => api.delete(`${V1}/assignments/${encodeURIComponent(id)}`),
}

/** the query of GET /students (parameters, not a schema) */
export interface StudentFilter {
  classId?: string
  q?: string
  status?: StudentStatus | ''
  page?: number
  size?: number
}

export type NewStudent = Omit<Schemas['StudentController.NewStudent'], 'sex'> & { sex: Sex }

export type StudentPatch = Omit<Schemas['StudentController.PatchStudent'], 'sex' | 'status'> & {
  sex?: Sex
  status?: StudentStatus
}

export const studentsApi = {
  list: (filter: StudentFilter = {}) => api.get<Page<Student>>(`${V1}/students`, { ...filter }),
  get: (id: string) => api.get<Student>(`${V1}/students/${encodeURIComponent(id)}`),
  create: (body: NewStudent, idempotencyKey?: string) =>
    api.create<Student>(`${V1}/students`, body, { idempotencyKey }),
  patch: (id: string, body: StudentPatch, version?: number) =>
    api.patch<Student>(`${V1}/students/${encodeURIComponent(id)}`, body, { ifMatch: version }),
  transfer: (id: string, body: Schemas['StudentController.Transfer'], version?: number) =>
    api.post<Student>(`${V1}/students/${encodeURIComponent(id)}/transfer`, body, { ifMatch: version }),
  putGuardians: (id: string, guardians: GuardianInput[], version?: number) =>
    api.put<Student>(`${V1}/students/${encodeURIComponent(id)}/guardians`, guardians, { ifMatch: version }),
  importRoster: (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal, job?: string) =>
    api.upload<ImportReport>(`${V1}/students/import`, file, { field: 'file', query: { job }, onProgress, signal }),
  importTemplate: () => api.download(`${V1}/students/import/template`),
}

/** Imports as jobs: progress while one runs, the rejected rows (with a reason column) afterwards. */
export const importsApi = {
  job: (id: string) => api.get<ImportJob>(`${V1}/imports/${encodeURIComponent(id)}`),
  rejected: (id: string) => api.download(`${V1}/imports/${encodeURIComponent(id)}/rejected`),
}

/** the query of GET /audit/events (parameters, not a schema) */
export interface AuditFilter {
  studentId?: string
  actorUsername?: string
  /** exact action, or a prefix ending in * (e.g. "mental_health.*") */
  action?: string
  /** ISO instants; `to` is exclusive */
  from?: string
  to?: string
  page?: number
  size?: number
}

export const auditApi = {
  events: (filter: AuditFilter = {}) => api.get<Page<AuditEvent>>(`${V1}/audit/events`, { ...filter }),
  actions: () => api.get<Schemas['AuditController.ActionOption'][]>(`${V1}/audit/actions`),
  verify: () => api.get<ChainVerification>(`${V1}/audit/verify`),
}

export const accessLogApi = {
  list: (studentId: string, page = 0, size = 20) =>
    api.get<Page<AccessEntry>>(`${V1}/students/${encodeURIComponent(studentId)}/access-log`, { page, size }),
}

export const consentsApi = {
  notices: () => api.get<Notice[]>(`${V1}/notices`),
  notice: (purpose: string) => api.get<Notice>(`${V1}/notices/${encodeURIComponent(purpose)}`),
  list: (studentId: string) => api.get<Consent[]>(`${V1}/students/${encodeURIComponent(studentId)}/consents`),
  decide: (
    studentId: string,
    body: Omit<Schemas['ConsentController.Decision'], 'decision'> & { decision: ConsentDecision },
    idempotencyKey?: string,
  ) => api.create<Consent>(`${V1}/students/${encodeURIComponent(studentId)}/consents`, body, { idempotencyKey }),
  withdraw: (studentId: string, consentId: string) =>
    api.post<Consent>(
      `${V1}/students/${encodeURIComponent(studentId)}/consents/${encodeURIComponent(consentId)}/withdraw`,
    ),
  bases: (schoolId: string) =>
    api.get<ProcessingBasis[]>(`${V1}/schools/${encodeURIComponent(schoolId)}/processing-bases`),
  addBasis: (schoolId: string, body: Schemas['ConsentController.NewBasis'], idempotencyKey?: string) =>
    api.create<ProcessingBasis>(`${V1}/schools/${encodeURIComponent(schoolId)}/processing-bases`, body, {
      idempotencyKey,
    }),
}

export const grantsApi = {
  breakGlass: (studentId: string, body: Schemas['GrantController.BreakGlass'], idempotencyKey?: string) =>
    api.create<Grant>(`${V1}/students/${encodeURIComponent(studentId)}/break-glass`, body, { idempotencyKey }),
  list: (studentId?: string) => api.get<Grant[]>(`${V1}/grants`, { studentId }),
  revoke: (id: string) => api.delete<Grant>(`${V1}/grants/${encodeURIComponent(id)}`),
}

export const notificationsApi = {
  list: (unread = false) => api.get<AppNotification[]>(`${V1}/notifications`, { unread: unread || undefined }),
  read: (id: string) => api.post<AppNotification>(`${V1}/notifications/${encodeURIComponent(id)}/read`),
}
