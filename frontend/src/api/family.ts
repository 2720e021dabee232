import { api } from './index'
import type { components } from './schema'
import type { Page } from './types'

type Schemas = components['schemas']

/**
 * 家校共育 (org.zhsz.family): class notices, home tasks, 五项管理. The class notices are the generated shapes
 * (schema.d.ts); home tasks and 五项管理 are still hand-written.
 */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type FamilyPerson = Schemas['Docs.Person']

// ---------------------------------------------------------------- class notices

export type NoticeScope = 'CLASS' | 'SCHOOL'
export type Audience = 'GUARDIANS' | 'GUARDIANS_AND_STUDENTS'
export const RECEIPT_STATUSES = ['UNREAD', 'READ', 'CONFIRMED', 'NO_ACCOUNT'] as const
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number]
export type Reader = 'guardian' | 'student' | 'staff'

export type NoticeAttachment = Schemas['Docs.Attachment']

/** One of the reader's children (or the student themself) and where they stand with a notice. */
export type MyReceipt = Schemas['ClassNotices.Mine']

export type NoticeCounts = Schemas['ClassNotices.Counts']

export type NoticeItem = Omit<Schemas['ClassNotices.Item'], 'reader'> & { reader: Reader }

export type NoticeDetail = Omit<Schemas['ClassNotices.Detail'], 'reader'> & { reader: Reader }

export type NoticeInput = Schemas['NoticeController.NoticeBody']

export type DeliveryView = Omit<Schemas['DeliveryDispatcher.View'], 'channel' | 'status'> & {
  channel: 'SMS' | 'WECOM' | 'DINGTALK'
  status: 'PENDING' | 'SENT' | 'FAILED'
}

export type GuardianReceipt = Omit<Schemas['ClassNotices.GuardianReceipt'], 'deliveries'> & {
  deliveries: DeliveryView[]
}

export type StudentReceipts = Omit<Schemas['ClassNotices.StudentReceipts'], 'guardians'> & {
  guardians: GuardianReceipt[]
}

export type Receipts = Omit<Schemas['ClassNotices.Receipts'], 'students'> & { students: StudentReceipts[] }

export type ReminderResult = Schemas['ClassNotices.ReminderResult']

export const noticesApi = {
  list: (query: { classId?: string; unread?: boolean; page?: number; size?: number } = {}) =>
    api.get<Page<NoticeItem>>(`${V1}/class-notices`, { ...query, unread: query.unread || undefined }),
  unreadCount: () => api.get<{ unread: number }>(`${V1}/class-notices/unread-count`),
  get: (id: string) => api.get<NoticeDetail>(`${V1}/class-notices/${enc(id)}`),
  createForClass: (classId: string, body: NoticeInput, idempotencyKey?: string) =>
    api.create<NoticeDetail>(`${V1}/classes/${enc(classId)}/notices`, body, { idempotencyKey }),
  createForSchool: (schoolId: string, body: NoticeInput, idempotencyKey?: string) =>
    api.create<NoticeDetail>(`${V1}/schools/${enc(schoolId)}/notices`, body, { idempotencyKey }),
  uploadForClass: (classId: string, file: File, onProgress?: (f: number) => void) =>
    api.upload<NoticeAttachment>(`${V1}/classes/${enc(classId)}/notice-attachments`, file, {
      field: 'file',
      onProgress,
    }),
  uploadForSchool: (schoolId: string, file: File, onProgress?: (f: number) => void) =>
    api.upload<NoticeAttachment>(`${V1}/schools/${enc(schoolId)}/notice-attachments`, file, {
      field: 'file',
      onProgress,
    }),
  attachment: (id: string, attachmentId: string) =>
    api.download(`${V1}/class-notices/${enc(id)}/attachments/${enc(attachmentId)}`),
  confirm: (id: string, studentId?: string) =>
    api.post<NoticeDetail>(`${V1}/class-notices/${enc(id)}/confirm`, studentId ? { studentId } : {}),
  receipts: (id: string, classId?: string) => api.get<Receipts>(`${V1}/class-notices/${enc(id)}/receipts`, { classId }),
  remind: (id: string) => api.post<ReminderResult>(`${V1}/class-notices/${enc(id)}/reminders`),
}

// ---------------------------------------------------------------- home tasks

export const FREQUENCIES = ['DAILY', 'WEEKLY', 'ONCE'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export interface HomeTask {
  code?: string
  title: string
  description?: string | null
  frequency: Frequency
  hours: number
  holiday?: boolean
  availableFrom?: string | null
  availableTo?: string | null
}

export interface TaskView extends HomeTask {
  code: string
  doneThisTerm: number
  lastDoneOn?: string
  /** why it cannot be ticked today (a problem code), absent when it can */
  todayProblem?: string
}

export const COMPLETION_STATUSES = [
  'AWAITING_GUARDIAN',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
  'VOIDED',
] as const
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number]

export interface Completion {
  id: string
  taskCode: string
  title: string
  doneOn: string
  hours: number
  note?: string
  photos: string[]
  doneBy?: FamilyPerson
  confirmedBy?: FamilyPerson
  confirmedAt?: string
  status: CompletionStatus
  reviewReason?: string
  reviewedBy?: string
  recordId?: string
  version?: number
}

export interface StudentHomeTasks {
  studentId: string
  name: string
  classId: string
  className: string
  grade: number
  gradeName: string
  term: string
  relation: Reader
  tasks: TaskView[]
  completions: Completion[]
  familyHours: { approved: number; waiting: number; required: number }
}

export interface ClassHomeTaskRow {
  studentId: string
  name: string
  confirmed: number
  awaitingGuardian: number
  submitted: number
  approved: number
  rejected: number
  approvedHours: number
  lastDoneOn?: string
}

export interface ClassHomeTasks {
  classId: string
  className: string
  grade: number
  gradeName: string
  term: string
  checklist: HomeTask[]
  students: ClassHomeTaskRow[]
  studentsWithConfirmed: number
  approvedHours: number
}

export interface GradeChecklist {
  grade: number
  gradeName: string
  custom: boolean
  items: HomeTask[]
  updatedBy?: FamilyPerson
  updatedAt?: string
  version?: number
}

export interface ChecklistImportReport {
  rows: number
  accepted: number
  rejected: number
  grades: {
    grade: number
    gradeName: string
    tasks: number
    outcome: 'created' | 'updated' | 'unchanged' | 'too_many'
  }[]
  errors: { row: number; field: string; code: string }[]
}

export interface StoredPhoto {
  id: string
  filename: string
  contentType: string
  size: number
}

export const homeTasksApi = {
  ofStudent: (studentId: string) => api.get<StudentHomeTasks>(`${V1}/students/${enc(studentId)}/home-tasks`),
  complete: (
    studentId: string,
    body: { taskCode: string; doneOn: string; hours?: number; note?: string; photos?: string[] },
    idempotencyKey?: string,
  ) => api.create<Completion>(`${V1}/students/${enc(studentId)}/home-tasks/completions`, body, { idempotencyKey }),
  confirm: (studentId: string, id: string, version?: number) =>
    api.post<Completion>(`${V1}/students/${enc(studentId)}/home-tasks/completions/${enc(id)}/confirm`, undefined, {
      ifMatch: version,
    }),
  withdraw: (studentId: string, id: string, version?: number) =>
    api.delete(`${V1}/students/${enc(studentId)}/home-tasks/completions/${enc(id)}`, { ifMatch: version }),
  uploadPhoto: (studentId: string, file: File, onProgress?: (f: number) => void) =>
    api.upload<StoredPhoto>(`${V1}/students/${enc(studentId)}/home-tasks/photos`, file, { field: 'file', onProgress }),
  photo: (studentId: string, id: string) => api.download(`${V1}/students/${enc(studentId)}/evidence/${enc(id)}`),
  ofClass: (classId: string) => api.get<ClassHomeTasks>(`${V1}/classes/${enc(classId)}/home-tasks`),
  checklists: (schoolId: string) =>
    api.get<{ schoolId: string; grades: GradeChecklist[] }>(`${V1}/schools/${enc(schoolId)}/home-task-checklists`),
  saveChecklist: (schoolId: string, grade: number, items: HomeTask[], version?: number) =>
    api.put<GradeChecklist>(
      `${V1}/schools/${enc(schoolId)}/home-task-checklists/${grade}`,
      { items },
      { ifMatch: version },
    ),
  importChecklists: (schoolId: string, file: File, onProgress?: (f: number) => void, signal?: AbortSignal) =>
    api.upload<ChecklistImportReport>(`${V1}/schools/${enc(schoolId)}/home-task-checklists/import`, file, {
      field: 'file',
      onProgress,
      signal,
    }),
}

// ---------------------------------------------------------------- 五项管理

export type FieldType = 'TIME' | 'MINUTES' | 'COUNT' | 'BOOLEAN' | 'TEXT'
export type Localized = Record<string, string>

export interface FormField {
  code: string
  type: FieldType
  required: boolean
  min?: number
  max?: number
  maxLength?: number
  label: Localized
  help?: Localized
}

export interface FiveForm {
  code: string
  period: string
  filledBy: string
  name: Localized
  intro: Localized
  fields: FormField[]
}

export interface FiveSource {
  code: string
  issuer: string
  title: string
  number: string
  date: string
  point: string
}

export interface FiveTarget {
  code: string
  /** what is measured (睡眠时间), for a family's view; `label` names the target met (睡眠时间达标) */
  name?: Localized
  measure: string
  compare: 'AT_LEAST' | 'AT_MOST' | 'IS_FALSE' | 'REPORTED'
  limit?: number | string | boolean | null
  label: Localized
  source?: FiveSource
}

export interface FiveCatalogue {
  version: number
  sources: FiveSource[]
  forms: FiveForm[]
  /** the data file's targets (limits by stage or grade, not yet applied to one grade) */
  targets: FiveTarget[]
}

export interface Evaluation {
  target: string
  value?: number | string | boolean | null
  limit?: number | string | boolean | null
  met?: boolean | null
}

export type CheckInValues = Record<string, string | number | boolean | null>

export interface WeekEntry {
  weekStart: string
  open: boolean
  values?: CheckInValues
  sleepMinutes?: number
  by?: FamilyPerson
  updatedAt?: string
  evaluation: Evaluation[]
  version?: number
}

export interface StudentFive {
  studentId: string
  name: string
  className: string
  grade: number
  stage: string
  relation: Reader
  targets: FiveTarget[]
  weeks: WeekEntry[]
}

export interface HomeworkEntry {
  subject: string
  minutes: number
  note?: string
  by?: FamilyPerson
  at?: string
}

export interface HomeworkDay {
  date: string
  totalMinutes: number
  limit?: number | null
  entries: HomeworkEntry[]
}

export interface ClassHomework {
  classId: string
  className: string
  grade: number
  limit?: number | null
  from: string
  to: string
  days: HomeworkDay[]
}

export interface StudentWeek {
  studentId: string
  name: string
  checkedIn: boolean
  sleepMinutes?: number
  bedtime?: string
  homeworkMinutes?: number
  phoneAtSchool?: boolean
  booksRead?: number
  exerciseMinutes?: number
  notMet: string[]
}

export interface TargetShare {
  code: string
  label: Localized
  limit?: number | string | boolean | null
  met: number
  of: number
  share: number
}

export interface ClassWeek {
  classId: string
  className: string
  grade: number
  stage: string
  weekStart: string
  students: number
  checkedIn: number
  targets: FiveTarget[]
  shares: TargetShare[]
  homework: {
    declaredDailyAverage?: number
    declaredDays: number
    reportedDailyAverage?: number
    reporting: number
    limit?: number | null
    days: HomeworkDay[]
  }
  averageBooks?: number
  rows: StudentWeek[]
}

/** FiveStats.Row: everything but `students` is absent when suppressed. */
export interface FiveRow {
  level: 'class' | 'grade' | 'school' | 'county'
  id: string
  name?: string
  grade?: number
  students: number
  respondents?: number
  met?: Record<string, number>
  applicable?: Record<string, number>
  share?: Record<string, number>
  means?: Record<string, number>
  suppressed: boolean
}

export interface Period {
  from: string
  to: string
  weeks: number
}

export interface SchoolFive {
  schoolId: string
  name: string
  period: Period
  targets: FiveTarget[]
  school: FiveRow
  grades: FiveRow[]
  classes: FiveRow[]
  k: number
}

export interface CountyFive {
  countyId: string
  period: Period
  county: FiveRow
  schools: FiveRow[]
  grades: FiveRow[]
  k: number
}

export const fiveApi = {
  forms: () => api.get<FiveCatalogue>(`${V1}/five-management/forms`),
  ofStudent: (studentId: string, weeks = 5) =>
    api.get<StudentFive>(`${V1}/students/${enc(studentId)}/five-management`, { weeks }),
  checkIn: (studentId: string, weekStart: string, values: CheckInValues, version?: number) =>
    api.put<WeekEntry>(
      `${V1}/students/${enc(studentId)}/five-management/checkins/${weekStart}`,
      { values },
      { ifMatch: version },
    ),
  declare: (classId: string, date: string, entries: { subject: string; minutes: number; note?: string }[]) =>
    api.put<HomeworkDay>(`${V1}/classes/${enc(classId)}/homework/${date}`, { entries }),
  homework: (classId: string, from?: string, to?: string) =>
    api.get<ClassHomework>(`${V1}/classes/${enc(classId)}/homework`, { from, to }),
  classWeek: (classId: string, week?: string) =>
    api.get<ClassWeek>(`${V1}/classes/${enc(classId)}/five-management`, { week }),
  school: (schoolId: string, from?: string, to?: string) =>
    api.get<SchoolFive>(`${V1}/schools/${enc(schoolId)}/five-management`, { from, to }),
  schoolExport: (schoolId: string, format: 'xlsx' | 'csv', from?: string, to?: string) =>
    api.download(`${V1}/schools/${enc(schoolId)}/five-management/export`, { format, from, to }),
  county: (from?: string, to?: string) => api.get<CountyFive>(`${V1}/stats/five-management`, { from, to }),
  countyExport: (format: 'xlsx' | 'csv', from?: string, to?: string) =>
    api.download(`${V1}/stats/five-management/export`, { format, from, to }),
}

/** The Monday of the week of a date (YYYY-MM-DD, school-local). */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const utc = new Date(Date.UTC(y, m - 1, d))
  const dow = (utc.getUTCDay() + 6) % 7
  utc.setUTCDate(utc.getUTCDate() - dow)
  return utc.toISOString().slice(0, 10)
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const utc = new Date(Date.UTC(y, m - 1, d + days))
  return utc.toISOString().slice(0, 10)
}

/** Today at school (Asia/Shanghai) as YYYY-MM-DD. */
export function schoolToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

/** Minutes from bedtime to waking (across midnight), as the server derives sleep. */
export function sleepMinutes(bedtime: string, wakeTime: string): number {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5))
  return (((m(wakeTime) - m(bedtime)) % 1440) + 1440) % 1440
}

/** "9 小时 20 分" style text is the page's job; this gives hours with one decimal. */
export function hours(minutes: number | undefined | null): string {
  return minutes === undefined || minutes === null ? '—' : (Math.round(minutes / 6) / 10).toFixed(1)
}
