import { api } from './index'

/**
 * 健康 (org.zhsz.health: VisionController, AttendanceController): vision screening and the daily register with
 * 晨午检. Null fields are left out by the server.
 */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type Glasses = 'NONE' | 'FRAME' | 'CONTACT' | 'ORTHO_K'
export const GLASSES: readonly Glasses[] = ['NONE', 'FRAME', 'CONTACT', 'ORTHO_K']
export type VisionCategory = 'normal' | 'mild' | 'moderate' | 'severe'
export type Advice = 'NONE' | 'RECHECK' | 'SEE_DOCTOR'

/** VisionViews.EyeView */
export interface EyeView {
  uncorrected?: number
  corrected?: number
  sphere?: number
  cylinder?: number
  axis?: number
  category?: VisionCategory
  sphericalEquivalent?: number
  screeningMyopia?: boolean
}

/** VisionViews.ScreeningView: only schoolYear and checkupAdvised for readers of the advice only */
export interface ScreeningView {
  schoolYear: string
  checkupAdvised: boolean
  examinedOn?: string
  glasses?: Glasses
  left?: EyeView
  right?: EyeView
  category?: VisionCategory
  screeningMyopia?: boolean
  advice?: Advice
  reasons?: string[]
  grade?: number
  version?: number
  updatedAt?: string
}

export interface StudentVision {
  studentId: string
  detail: boolean
  years: ScreeningView[]
}

export interface VisionGridRow {
  studentId: string
  name: string
  sex: 'M' | 'F'
  result?: ScreeningView
}

export interface ClassVision {
  classId: string
  className: string
  schoolYear: string
  grade: number
  gradeName: string
  detail: boolean
  writable: boolean
  members: number
  screened: number
  advised: number
  rows: VisionGridRow[]
}

export type EyeValue = string | number | null
export interface EyeInput {
  uncorrected?: EyeValue
  corrected?: EyeValue
  sphere?: EyeValue
  cylinder?: EyeValue
  axis?: EyeValue
}

export interface VisionInput {
  examinedOn?: string | null
  glasses?: Glasses | null
  left: EyeInput
  right: EyeInput
}

export interface VisionGridRowInput extends VisionInput {
  studentId: string
  version?: number | null
}

export interface FieldErr {
  field: string
  code: string
  message: string
}

export type VisionRowOutcome = 'SAVED' | 'UNCHANGED' | 'EMPTY' | 'INVALID' | 'CONFLICT'

export interface VisionRowResult {
  studentId: string
  outcome: VisionRowOutcome
  errors: FieldErr[]
  result?: ScreeningView
}

export interface VisionGridReport {
  classId: string
  schoolYear: string
  saved: number
  unchanged: number
  invalid: number
  conflicts: number
  rows: VisionRowResult[]
}

export interface VisionImportReport {
  schoolYear: string
  total: number
  created: number
  updated: number
  unchanged: number
  skipped: number
  rejected: number
  errors: { row: number; column: string; code: string; message: string }[]
  errorsTruncated: boolean
}

export interface Rate {
  count: number
  percent?: number
}

/** VisionStats.Cell: grade absent = all grades; suppressed cells carry no figures */
export interface VisionCell {
  grade?: number
  gradeName: string
  sex: 'M' | 'F' | 'ALL'
  suppressed: boolean
  enrolled?: number
  screened?: number
  poorVision?: Rate
  degrees?: Record<'mild' | 'moderate' | 'severe', Rate>
  screeningMyopia?: Rate
  checkupAdvised?: Rate
}

export interface VisionStats {
  scope: 'school' | 'county'
  scopeId: string
  scopeName: string
  schoolYear: string
  suppressionThreshold?: number
  cells: VisionCell[]
  schools?: {
    schoolId: string
    name: string
    suppressed: boolean
    screened?: number
    poorVision?: Rate
    screeningMyopia?: Rate
  }[]
  trend: { schoolYear: string; suppressed: boolean; screened?: number; poorVision?: Rate; screeningMyopia?: Rate }[]
}

// ---- attendance

export type AbsenceType = 'SICK' | 'PERSONAL' | 'OTHER'
export const ABSENCE_TYPES: readonly AbsenceType[] = ['SICK', 'PERSONAL', 'OTHER']

export interface Symptom {
  code: string
  zh: string
  en: string
}

export interface AbsenceView {
  studentId: string
  name: string
  type: AbsenceType
  symptoms: string[]
  note?: string
}

export interface FollowUpView {
  id: string
  studentId: string
  name: string
  classId: string
  className: string
  firstDay: string
  lastDay: string
  sickDays: number
  symptoms: string[]
  status: 'OPEN' | 'CLOSED'
  returnedOn?: string
  returnNote?: string
  version?: number
}

export interface DayView {
  classId: string
  className: string
  date: string
  registered: boolean
  members: number
  present: number
  absent: number
  byType: Record<AbsenceType, number>
  firstRegisteredAt?: string
  registeredAt?: string
  registeredBy?: string
  absences: AbsenceView[]
  openFollowUps: FollowUpView[]
}

export interface AbsenceInput {
  studentId: string
  type: AbsenceType
  symptoms?: string[]
  note?: string | null
}

export interface StudentAttendance {
  studentId: string
  from: string
  to: string
  schoolDays: number
  absentDays: number
  byType: Record<AbsenceType, number>
  attendanceRate?: number
  absences: { date: string; type: AbsenceType; symptoms: string[]; note?: string }[]
  followUps: FollowUpView[]
}

export type ClassRegisterStatus = 'REGISTERED' | 'LATE' | 'PENDING' | 'MISSING'

export interface SchoolDay {
  schoolId: string
  schoolName: string
  date: string
  registerBy: string
  classes: {
    classId: string
    name: string
    grade: number
    members: number
    status: ClassRegisterStatus
    registeredAt?: string
    absent: number
    sick: number
  }[]
  totals: {
    members: number
    registeredClasses: number
    classes: number
    absent: number
    byType: Record<AbsenceType, number>
    bySymptom: Record<string, number>
  }
  absentStreakDays: number
  streaks: {
    studentId: string
    name: string
    classId: string
    className: string
    days: number
    type: AbsenceType
    lastDay: string
  }[]
  clusters: { classId: string; className: string; symptom: string; onDay: number; withinThreeDays: number }[]
  openFollowUps: number
}

export interface CountyAttendance {
  countyId: string
  countyName: string
  from: string
  to: string
  suppressionThreshold: number
  symptoms: string[]
  days: { date: string; sick?: number | null; bySymptom: Record<string, number | null> }[]
  sick?: number | null
  bySymptom: Record<string, number | null>
}

export const healthApi = {
  // vision
  studentVision: (studentId: string) => api.get<StudentVision>(`${V1}/students/${enc(studentId)}/vision`),
  saveVision: (studentId: string, year: string, body: VisionInput, version?: number | null) =>
    api.request<ScreeningView>('PUT', `${V1}/students/${enc(studentId)}/vision/${enc(year)}`, {
      body,
      ifMatch: version ?? undefined,
    }),
  grid: (classId: string, year?: string) => api.get<ClassVision>(`${V1}/classes/${enc(classId)}/vision`, { year }),
  saveGrid: (classId: string, rows: VisionGridRowInput[], year?: string) =>
    api.request<VisionGridReport>('PUT', `${V1}/classes/${enc(classId)}/vision`, { body: { rows }, query: { year } }),
  importFile: (file: File, year: string | undefined, onProgress: (f: number) => void, signal?: AbortSignal) =>
    api.upload<VisionImportReport>(`${V1}/vision/import`, file, { field: 'file', query: { year }, onProgress, signal }),
  exportFile: (query: { year?: string; grade?: number; format?: 'xlsx' | 'csv' } = {}) =>
    api.download(`${V1}/vision/export`, query),
  schoolStats: (schoolId: string, year?: string) =>
    api.get<VisionStats>(`${V1}/schools/${enc(schoolId)}/vision/stats`, { year }),
  countyStats: (year?: string) => api.get<VisionStats>(`${V1}/vision/stats/county`, { year }),

  // attendance
  symptoms: () => api.get<Symptom[]>(`${V1}/attendance/symptoms`),
  day: (classId: string, date: string) => api.get<DayView>(`${V1}/classes/${enc(classId)}/attendance/${enc(date)}`),
  register: (classId: string, date: string, absences: AbsenceInput[]) =>
    api.request<DayView>('PUT', `${V1}/classes/${enc(classId)}/attendance/${enc(date)}`, { body: { absences } }),
  studentAttendance: (studentId: string, query: { from?: string; to?: string } = {}) =>
    api.get<StudentAttendance>(`${V1}/students/${enc(studentId)}/attendance`, query),
  returnToSchool: (studentId: string, followUpId: string, body: { returnedOn: string; note?: string | null }) =>
    api.request<FollowUpView>(
      'POST',
      `${V1}/students/${enc(studentId)}/attendance/follow-ups/${enc(followUpId)}/return`,
      { body },
    ),
  schoolFollowUps: (schoolId: string, status: 'open' | 'closed' | 'all' = 'open') =>
    api.get<FollowUpView[]>(`${V1}/schools/${enc(schoolId)}/attendance/follow-ups`, { status }),
  schoolDay: (schoolId: string, date: string) =>
    api.get<SchoolDay>(`${V1}/schools/${enc(schoolId)}/attendance/${enc(date)}`),
  county: (query: { from?: string; to?: string } = {}) => api.get<CountyAttendance>(`${V1}/attendance/county`, query),
}
