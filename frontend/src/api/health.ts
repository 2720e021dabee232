import { api } from './index'
import type { components } from './schema'

type Schemas = components['schemas']

/**
 * 健康 (org.zhsz.health: VisionController, AttendanceController): vision screening and the daily register with
 * 晨午检. Null fields are left out by the server. Responses are the generated shapes (schema.d.ts), plain-string codes
 * narrowed to their unions; the request bodies are narrower than the generated ones (the server takes them loosely
 * and checks them in its rules).
 */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type Glasses = 'NONE' | 'FRAME' | 'CONTACT' | 'ORTHO_K'
export const GLASSES: readonly Glasses[] = ['NONE', 'FRAME', 'CONTACT', 'ORTHO_K']
export type VisionCategory = 'normal' | 'mild' | 'moderate' | 'severe'
export type Advice = 'NONE' | 'RECHECK' | 'SEE_DOCTOR'

/** VisionViews.EyeView */
export type EyeView = Omit<Schemas['VisionViews.EyeView'], 'category'> & { category: VisionCategory }

/** VisionViews.ScreeningView: only schoolYear and checkupAdvised for readers of the advice only */
export type ScreeningView = Omit<
  Schemas['VisionViews.ScreeningView'],
  'glasses' | 'left' | 'right' | 'category' | 'advice'
> & {
  glasses?: Glasses
  left?: EyeView
  right?: EyeView
  category?: VisionCategory
  advice?: Advice
}

export type StudentVision = Omit<Schemas['VisionViews.StudentVision'], 'years'> & { years: ScreeningView[] }

export type VisionGridRow = Omit<Schemas['VisionViews.GridRow'], 'sex' | 'result'> & {
  sex: 'M' | 'F'
  result?: ScreeningView
}

export type ClassVision = Omit<Schemas['VisionViews.ClassVision'], 'rows'> & { rows: VisionGridRow[] }

export type EyeValue = string | number | null
/** VisionRules.EyeInput: its fields, each as typed text or a number (the server parses and checks them). */
export type EyeInput = { [K in keyof Schemas['VisionRules.EyeInput']]?: EyeValue }

/**
 * VisionRules.VisionInput and VisionService.GridRowInput stay hand-written: every field of the generated ones is
 * optional and glasses a plain string (the rules check them), so this narrower shape is what the client sends;
 * null is read as absent.
 */
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

export type FieldErr = Schemas['FieldError']

export type VisionRowOutcome = 'SAVED' | 'UNCHANGED' | 'EMPTY' | 'INVALID' | 'CONFLICT'

export type VisionRowResult = Omit<Schemas['VisionService.RowResult'], 'result'> & { result?: ScreeningView }

export type VisionGridReport = Omit<Schemas['VisionService.GridReport'], 'rows'> & { rows: VisionRowResult[] }

export type VisionImportReport = Schemas['VisionImport.Report']

export type Rate = Schemas['VisionStats.Rate']

/** VisionStats.Cell: grade absent = all grades; suppressed cells carry no figures */
export type VisionCell = Omit<Schemas['VisionStats.Cell'], 'sex' | 'degrees'> & {
  sex: 'M' | 'F' | 'ALL'
  degrees?: Record<'mild' | 'moderate' | 'severe', Rate>
}

export type VisionStats = Omit<Schemas['VisionStats.Stats'], 'scope' | 'cells'> & {
  scope: 'school' | 'county'
  cells: VisionCell[]
}

// ---- attendance

export type AbsenceType = 'SICK' | 'PERSONAL' | 'OTHER'
export const ABSENCE_TYPES: readonly AbsenceType[] = ['SICK', 'PERSONAL', 'OTHER']

export type Symptom = Schemas['Symptoms.Symptom']

export type AbsenceView = Omit<Schemas['AttendanceViews.AbsenceView'], 'type'> & { type: AbsenceType }

export type FollowUpView = Omit<Schemas['AttendanceViews.FollowUpView'], 'status'> & { status: 'OPEN' | 'CLOSED' }

export type DayView = Omit<Schemas['AttendanceViews.DayView'], 'byType' | 'absences' | 'openFollowUps'> & {
  byType: Record<AbsenceType, number>
  absences: AbsenceView[]
  openFollowUps: FollowUpView[]
}

/** AttendanceRules.AbsenceInput (everything optional there, checked by the rules); null is read as absent. */
export type AbsenceInput = Omit<Schemas['AttendanceRules.AbsenceInput'], 'studentId' | 'type' | 'note'> & {
  studentId: string
  type: AbsenceType
  note?: string | null
}

export type StudentAttendance = Omit<
  Schemas['AttendanceViews.StudentAttendance'],
  'byType' | 'absences' | 'followUps'
> & {
  byType: Record<AbsenceType, number>
  absences: (Omit<Schemas['AttendanceViews.DateAbsence'], 'type'> & { type: AbsenceType })[]
  followUps: FollowUpView[]
}

export type ClassRegisterStatus = 'REGISTERED' | 'LATE' | 'PENDING' | 'MISSING'

export type SchoolDay = Omit<Schemas['AttendanceViews.SchoolDay'], 'classes' | 'totals' | 'streaks'> & {
  classes: (Omit<Schemas['AttendanceViews.ClassStatus'], 'status'> & { status: ClassRegisterStatus })[]
  totals: Omit<Schemas['AttendanceViews.Totals'], 'byType'> & { byType: Record<AbsenceType, number> }
  streaks: (Omit<Schemas['AttendanceViews.Streak'], 'type'> & { type: AbsenceType })[]
}

export type CountyAttendance = Omit<Schemas['AttendanceViews.County'], 'days' | 'bySymptom'> & {
  days: (Omit<Schemas['AttendanceViews.CountyDay'], 'bySymptom'> & { bySymptom: Record<string, number | null> })[]
  /** a suppressed (small) count is null */
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
