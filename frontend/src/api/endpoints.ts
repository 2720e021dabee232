import { api } from './index'
import type {
  AssignmentRole,
  AssignmentView,
  ClassView,
  Guardian,
  ImportReport,
  Me,
  Page,
  SchoolStage,
  Sex,
  StaffView,
  Student,
  StudentStatus,
  TermView,
} from './types'

const V1 = '/api/v1'

export const meApi = {
  get: () => api.get<Me>(`${V1}/me`),
}

export const classesApi = {
  list: (term?: string) => api.get<ClassView[]>(`${V1}/classes`, { term }),
  get: (id: string) => api.get<ClassView>(`${V1}/classes/${encodeURIComponent(id)}`),
  create: (body: { stage: SchoolStage; entryYear: number; classNo: number }, idempotencyKey?: string) =>
    api.create<ClassView>(`${V1}/classes`, body, { idempotencyKey }),
  setActive: (id: string, active: boolean, version?: number) =>
    api.patch<ClassView>(`${V1}/classes/${encodeURIComponent(id)}`, { active }, { ifMatch: version }),
}

export const termsApi = {
  list: () => api.get<TermView[]>(`${V1}/terms`),
  create: (body: { code: string; startDate: string; endDate: string }, idempotencyKey?: string) =>
    api.create<TermView>(`${V1}/terms`, body, { idempotencyKey }),
}

export const staffApi = {
  list: () => api.get<StaffView[]>(`${V1}/staff`),
  create: (body: { username: string; name: string; subjects: string[] }, idempotencyKey?: string) =>
    api.create<StaffView>(`${V1}/staff`, body, { idempotencyKey }),
}

export interface NewAssignment {
  username: string
  role: AssignmentRole
  classId?: string
  subject?: string
  term?: string
}

export const assignmentsApi = {
  list: (filter: { term?: string; classId?: string; username?: string } = {}) =>
    api.get<AssignmentView[]>(`${V1}/assignments`, filter),
  create: (body: NewAssignment, idempotencyKey?: string) =>
    api.create<AssignmentView>(`${V1}/assignments`, body, { idempotencyKey }),
  remove: (id: string) => api.delete(`${V1}/assignments/${encodeURIComponent(id)}`),
}

export interface StudentFilter {
  classId?: string
  q?: string
  status?: StudentStatus | ''
  page?: number
  size?: number
}

export interface NewStudent {
  studentNo: string
  name: string
  sex: Sex
  birthDate: string
  ethnicity?: string
  classId: string
  username?: string
}

export type StudentPatch = Partial<{
  name: string
  sex: Sex
  birthDate: string
  ethnicity: string
  status: StudentStatus
  username: string
}>

export const studentsApi = {
  list: (filter: StudentFilter = {}) => api.get<Page<Student>>(`${V1}/students`, { ...filter }),
  get: (id: string) => api.get<Student>(`${V1}/students/${encodeURIComponent(id)}`),
  create: (body: NewStudent, idempotencyKey?: string) => api.create<Student>(`${V1}/students`, body, { idempotencyKey }),
  patch: (id: string, body: StudentPatch, version?: number) =>
    api.patch<Student>(`${V1}/students/${encodeURIComponent(id)}`, body, { ifMatch: version }),
  transfer: (id: string, body: { classId: string; date?: string; reason?: string }, version?: number) =>
    api.post<Student>(`${V1}/students/${encodeURIComponent(id)}/transfer`, body, { ifMatch: version }),
  putGuardians: (id: string, guardians: Guardian[], version?: number) =>
    api.put<Student>(`${V1}/students/${encodeURIComponent(id)}/guardians`, guardians, { ifMatch: version }),
  importRoster: (file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) =>
    api.upload<ImportReport>(`${V1}/students/import`, file, { field: 'file', onProgress, signal }),
}
