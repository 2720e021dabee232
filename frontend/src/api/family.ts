import { api } from './index'
import type { components } from './schema'
import type { Page } from './types'

type Schemas = components['schemas']

/**
 * 家校共育 (org.zhsz.family): class notices, home tasks, 五项管理. The class notices are the generated shapes
 * (schema.d.ts), and so are home tasks and 五项管理; plain-string codes and untyped limits (Object on the server) are
 * narrowed.
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
  /** a Map<String, Integer> on the server (no named schema): just the count of unread notices */
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

/** Docs.Task: a task of a checklist as the server sends it. */
export type HomeTask = Schemas['Docs.Task']

/**
 * A task as the checklist editor sends it (HomeTaskController.ChecklistBody reuses Docs.Task, whose code is required
 * in the document): the server derives a missing code from the title and reads a blank description or window as
 * absent (Checklists.normalise), so the editor's new rows have no code yet.
 */
export type HomeTaskInput = Omit<HomeTask, 'code' | 'description' | 'availableFrom' | 'availableTo'> & {
  code?: string
  description?: string | null
  availableFrom?: string | null
  availableTo?: string | null
}

export type TaskView = Schemas['HomeTasks.TaskView']

export const COMPLETION_STATUSES = [
  'AWAITING_GUARDIAN',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
  'VOIDED',
] as const
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number]

export type Completion = Omit<Schemas['HomeTasks.CompletionView'], 'status'> & { status: CompletionStatus }

export type StudentHomeTasks = Omit<Schemas['HomeTasks.StudentHomeTasks'], 'relation' | 'completions'> & {
  relation: Reader
  completions: Completion[]
}

export type ClassHomeTaskRow = Schemas['HomeTasks.StudentRow']

export type ClassHomeTasks = Schemas['HomeTasks.ClassHomeTasks']

export type GradeChecklist = Schemas['Checklists.GradeChecklist']

export type SchoolChecklists = Schemas['Checklists.SchoolChecklists']

export type ChecklistOutcome = 'created' | 'updated' | 'unchanged' | 'too_many'

export type ChecklistImportReport = Omit<Schemas['Checklists.ImportReport'], 'grades'> & {
  grades: (Omit<Schemas['Checklists.GradeResult'], 'outcome'> & { outcome: ChecklistOutcome })[]
}

/** EvidenceFiles.StoredFile: the photo is evidence in the record module. */
export type StoredPhoto = Schemas['EvidenceFiles.StoredFile']

export type CompletionInput = Schemas['HomeTaskController.CompletionBody']

export const homeTasksApi = {
  ofStudent: (studentId: string) => api.get<StudentHomeTasks>(`${V1}/students/${enc(studentId)}/home-tasks`),
  complete: (studentId: string, body: CompletionInput, idempotencyKey?: string) =>
    api.create<Completion>(`${V1}/students/${enc(studentId)}/home-tasks/completions`, body, { idempotencyKey }),
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
  checklists: (schoolId: string) => api.get<SchoolChecklists>(`${V1}/schools/${enc(schoolId)}/home-task-checklists`),
  saveChecklist: (schoolId: string, grade: number, items: HomeTaskInput[], version?: number) =>
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

export type FieldType = Schemas['FiveForms.Field']['type']
export type Localized = Record<string, string>

/** A target's limit for one grade: minutes, a time of day, or false (absent: reported only). */
export type Limit = number | string | boolean

export type FormField = Schemas['FiveForms.Field']

export type FiveForm = Schemas['FiveForms.Form']

export type FiveSource = Schemas['FiveForms.Source']

/** FiveManagement.TargetView: a target as it applies to one grade. */
export type FiveTarget = Omit<Schemas['FiveManagement.TargetView'], 'limit'> & { limit?: Limit }

/** FiveForms.Target: the data file's target (limits by stage or grade, not yet applied to one grade). */
export type CatalogueTarget = Omit<Schemas['FiveForms.Target'], 'byGrade' | 'byStage' | 'value'> & {
  byGrade?: Record<string, Limit>
  byStage?: Record<string, Limit>
  value?: Limit
}

export type FiveCatalogue = Omit<Schemas['FiveForms.Catalogue'], 'targets'> & { targets: CatalogueTarget[] }

export type CheckInValues = Record<string, string | number | boolean | null>

export type Evaluation = Omit<Schemas['FiveManagement.Evaluation'], 'value' | 'limit'> & {
  value?: string | number | boolean
  limit?: Limit
}

export type WeekEntry = Omit<Schemas['FiveManagement.WeekEntry'], 'values' | 'evaluation'> & {
  values?: CheckInValues
  evaluation: Evaluation[]
}

export type StudentFive = Omit<Schemas['FiveManagement.StudentFive'], 'relation' | 'targets' | 'weeks'> & {
  relation: Reader
  targets: FiveTarget[]
  weeks: WeekEntry[]
}

export type HomeworkEntry = Schemas['Docs.HomeworkEntry']

export type HomeworkDay = Omit<Schemas['FiveManagement.HomeworkDay'], 'limit'> & { limit?: number }

export type ClassHomework = Omit<Schemas['FiveManagement.ClassHomework'], 'limit' | 'days'> & {
  limit?: number
  days: HomeworkDay[]
}

export type DeclarationInput = Schemas['FiveManagement.DeclarationInput']

export type StudentWeek = Schemas['FiveManagement.StudentWeek']

export type TargetShare = Omit<Schemas['FiveManagement.TargetShare'], 'limit'> & { limit?: Limit }

export type HomeworkComparison = Omit<Schemas['FiveManagement.HomeworkComparison'], 'limit' | 'days'> & {
  limit?: number
  days: HomeworkDay[]
}

export type ClassWeek = Omit<Schemas['FiveManagement.ClassWeek'], 'targets' | 'shares' | 'homework'> & {
  targets: FiveTarget[]
  shares: TargetShare[]
  homework: HomeworkComparison
}

export type StatsLevel = 'class' | 'grade' | 'school' | 'county'

/** FiveStats.Row: everything but `students` is absent when suppressed. */
export type FiveRow = Omit<Schemas['FiveStats.Row'], 'level'> & { level: StatsLevel }

export type Period = Schemas['FiveManagement.Period']

export type SchoolFive = Omit<Schemas['FiveManagement.SchoolStats'], 'targets' | 'school' | 'grades' | 'classes'> & {
  targets: FiveTarget[]
  school: FiveRow
  grades: FiveRow[]
  classes: FiveRow[]
}

export type CountyFive = Omit<Schemas['FiveManagement.CountyStats'], 'county' | 'schools' | 'grades'> & {
  county: FiveRow
  schools: FiveRow[]
  grades: FiveRow[]
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
  declare: (classId: string, date: string, entries: DeclarationInput[]) =>
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
