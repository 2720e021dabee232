import { api } from './index'

/** 体质健康 (org.zhsz.fitness.FitnessController, HealthFlagController). Null fields are left out by the server. */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type FitnessSex = 'M' | 'F'

/** Views.ItemView: one scored item (bonus only on 附加分 items) */
export interface ItemView {
  value: number
  score: number
  level: string
  bonus?: number
}

/** FitnessService.ScoreResponse (POST /fitness/score): totals only when every required item is there */
export interface ScoreResponse {
  grade: number
  sex: string
  items: Record<string, ItemView>
  missingItems: string[]
  standardScore?: number
  bonus?: number
  totalScore?: number
  totalScoreRounded?: number
  rating?: string
}

export interface AttemptView {
  testDate?: string
  tester?: string
  testerName?: string
  values: Record<string, number | string>
  items: Record<string, ItemView>
  missingItems?: string[]
  standardScore?: number
  bonus?: number
  totalScore?: number
  totalScoreRounded?: number
  rating?: string
}

export type ResultStatus = 'TESTED' | 'INCOMPLETE' | 'EXEMPT'

/** Views.ResultView: readers of the score only get status, totals and rating */
export interface ResultView {
  studentId: string
  schoolYear: string
  grade?: number
  gradeName?: string
  sex?: string
  classId?: string
  status: ResultStatus
  official?: 'FIRST' | 'MAKEUP'
  standardScore?: number
  bonus?: number
  totalScore?: number
  totalScoreRounded?: number
  rating?: string
  bmiCategory?: string
  first?: AttemptView
  makeup?: AttemptView
  exemption?: { reason: string; documentName?: string; at?: string; by?: string }
  version?: number
}

export interface GridRowView {
  studentId: string
  name: string
  sex: FitnessSex
  result?: ResultView
}

export interface ClassGrid {
  classId: string
  className: string
  schoolYear: string
  grade: number
  gradeName: string
  /** the caller may read (and, as the PE teacher, write) the measurements, not only the totals */
  detail: boolean
  requiredItems: Record<FitnessSex, string[]>
  bonusItems: Record<FitnessSex, string[]>
  rows: GridRowView[]
}

export interface FieldErr {
  field: string
  code: string
  message: string
}

export type RowOutcome = 'SAVED' | 'UNCHANGED' | 'EMPTY' | 'INVALID' | 'CONFLICT'

export interface RowResult {
  studentId: string
  outcome: RowOutcome
  errors: FieldErr[]
  result?: ResultView
}

export interface GridReport {
  classId: string
  schoolYear: string
  saved: number
  unchanged: number
  invalid: number
  conflicts: number
  rows: RowResult[]
}

export interface GridRowInput {
  studentId: string
  version?: number | null
  testDate?: string | null
  items: Record<string, string | number | null>
}

export interface GraduationView {
  graduationYear: string
  graduationGrade: number
  score?: number
  scoreRounded?: number
  rating?: string
  exempt: boolean
  belowGraduationThreshold: boolean
  yearsCounted: number
}

export interface StudentFitness {
  studentId: string
  detail: boolean
  years: ResultView[]
  graduation?: GraduationView
}

export interface FitnessImportReport {
  schoolYear: string
  total: number
  created: number
  updated: number
  unchanged: number
  incomplete: number
  skipped: number
  rejected: number
  jobId?: string
  errors: import('./types').ImportRowError[]
  errorsTruncated: boolean
}

export interface Rate {
  count: number
  percent: number
}

/** FitnessStats.Cell: grade absent = all grades; sex M, F or ALL; suppressed cells carry no figures */
export interface StatsCell {
  grade?: number
  gradeName?: string
  sex: 'M' | 'F' | 'ALL'
  suppressed: boolean
  tested?: number
  exempt?: number
  meanTotal?: number
  ratings?: Record<string, Rate>
  bmiMeasured?: number
  bmi?: Record<string, Rate>
}

export interface StatsSchoolRow {
  schoolId: string
  name: string
  suppressed: boolean
  tested?: number
  meanTotal?: number
  ratings?: Record<string, Rate>
}

export interface StatsTrendRow {
  schoolYear: string
  suppressed: boolean
  tested?: number
  meanTotal?: number
  ratings?: Record<string, Rate>
}

export interface FitnessStats {
  scope: 'class' | 'school' | 'county'
  scopeId: string
  scopeName: string
  schoolYear: string
  suppressionThreshold?: number
  cells: StatsCell[]
  schools?: StatsSchoolRow[]
  trend?: StatsTrendRow[]
}

export const RATINGS = ['优秀', '良好', '及格', '不及格'] as const
export const BMI_CATEGORIES = ['正常', '低体重', '超重', '肥胖'] as const

/** HealthFlagService.FlagView: medicalDescription and documents only for full readers */
export interface HealthFlag {
  id: string
  studentId: string
  kind: string
  kindLabel: string
  guidance?: string
  active: boolean
  since?: string
  medicalDescription?: string
  documents?: { id: string; filename: string; contentType: string; size: number; uploadedAt: string }[]
  version: number
  deactivatedAt?: string
  deactivationReason?: string
}

export interface ClassHealthFlag {
  studentId: string
  name: string
  flagId: string
  kind: string
  kindLabel: string
  guidance?: string
  since?: string
}

export interface HealthFlagInput {
  kind: string
  guidance?: string
  medicalDescription?: string
}

export const fitnessApi = {
  score: (body: { grade: number; sex: string; items: Record<string, string | number> }, signal?: AbortSignal) =>
    api.request<ScoreResponse>('POST', `${V1}/fitness/score`, { body, signal }),
  grid: (classId: string, year?: string) => api.get<ClassGrid>(`${V1}/classes/${enc(classId)}/fitness`, { year }),
  saveGrid: (classId: string, rows: GridRowInput[], year?: string) =>
    api.request<GridReport>('PUT', `${V1}/classes/${enc(classId)}/fitness`, { body: { rows }, query: { year } }),
  student: (studentId: string) => api.get<StudentFitness>(`${V1}/students/${enc(studentId)}/fitness`),
  importFile: (
    file: File,
    year: string | undefined,
    onProgress: (f: number) => void,
    signal?: AbortSignal,
    job?: string,
  ) =>
    api.upload<FitnessImportReport>(`${V1}/fitness/import`, file, {
      field: 'file',
      query: { year, job },
      onProgress,
      signal,
    }),
  /** the import template: columns, an example row, the caller's students listed (of one class when given) */
  importTemplate: (classId?: string, year?: string) => api.download(`${V1}/fitness/import/template`, { classId, year }),
  exportFile: (year?: string, grade?: number) => api.download(`${V1}/fitness/export`, { year, grade }),
  stats: (query: { year?: string; classId?: string } = {}) => api.get<FitnessStats>(`${V1}/fitness/stats`, query),
  statsFile: (query: { year?: string; classId?: string }, format: 'csv' | 'xlsx') =>
    api.download(`${V1}/fitness/stats`, { ...query, format }),
  countyStats: (year?: string) => api.get<FitnessStats>(`${V1}/fitness/stats/county`, { year }),

  flagKinds: () => api.get<Record<string, string>>(`${V1}/health-flags/kinds`),
  flags: (studentId: string, includeInactive = false) =>
    api.get<HealthFlag[]>(`${V1}/students/${enc(studentId)}/health-flags`, {
      includeInactive: includeInactive || undefined,
    }),
  createFlag: (studentId: string, body: HealthFlagInput, idempotencyKey?: string) =>
    api.create<HealthFlag>(`${V1}/students/${enc(studentId)}/health-flags`, body, { idempotencyKey }),
  updateFlag: (studentId: string, flagId: string, body: HealthFlagInput, version: number) =>
    api.patch<HealthFlag>(`${V1}/students/${enc(studentId)}/health-flags/${enc(flagId)}`, body, { ifMatch: version }),
  deactivateFlag: (studentId: string, flagId: string, reason: string, version: number) =>
    api.delete<HealthFlag>(`${V1}/students/${enc(studentId)}/health-flags/${enc(flagId)}`, {
      ifMatch: version,
      query: { reason },
    }),
  classFlags: (classId: string) => api.get<ClassHealthFlag[]>(`${V1}/classes/${enc(classId)}/health-flags`),
}
