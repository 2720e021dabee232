import { api } from './index'
import type { components } from './schema'

type Schemas = components['schemas']

/**
 * 体质健康 (org.zhsz.fitness.FitnessController, HealthFlagController). Null fields are left out by the server. The shapes
 * are the generated ones (schema.d.ts) except the statistics, which the server answers as an untyped object.
 */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type FitnessSex = 'M' | 'F'

/** Views.ItemView: one scored item (bonus only on 附加分 items) */
export type ItemView = Schemas['Views.ItemView']

/** FitnessService.ScoreResponse (POST /fitness/score): totals only when every required item is there */
export type ScoreResponse = Schemas['FitnessService.ScoreResponse']

export type AttemptView = Omit<Schemas['Views.AttemptView'], 'values'> & { values: Record<string, number | string> }

export type ResultStatus = 'TESTED' | 'INCOMPLETE' | 'EXEMPT'

/** Views.ResultView: readers of the score only get status, totals and rating */
export type ResultView = Omit<Schemas['Views.ResultView'], 'status' | 'official' | 'first' | 'makeup'> & {
  status: ResultStatus
  official?: 'FIRST' | 'MAKEUP'
  first?: AttemptView
  makeup?: AttemptView
}

export type GridRowView = Omit<Schemas['Views.GridRowView'], 'sex' | 'result'> & {
  sex: FitnessSex
  result?: ResultView
}

export type ClassGrid = Omit<Schemas['Views.ClassGrid'], 'requiredItems' | 'bonusItems' | 'rows'> & {
  requiredItems: Record<FitnessSex, string[]>
  bonusItems: Record<FitnessSex, string[]>
  rows: GridRowView[]
}

export type FieldErr = Schemas['FieldError']

export type RowOutcome = 'SAVED' | 'UNCHANGED' | 'EMPTY' | 'INVALID' | 'CONFLICT'

export type RowResult = Omit<Schemas['FitnessService.RowResult'], 'result'> & { result?: ResultView }

export type GridReport = Omit<Schemas['FitnessService.GridReport'], 'rows'> & { rows: RowResult[] }

/**
 * A row of the class grid as the client sends it: hand-written because the generated FitnessService.GridRow has its
 * items as unknown values and studentId optional (checked by the service); null is read as absent.
 */
export interface GridRowInput {
  studentId: string
  version?: number | null
  testDate?: string | null
  items: Record<string, string | number | null>
}

export type GraduationView = Schemas['Views.GraduationView']

export type StudentFitness = Omit<Schemas['Views.StudentFitness'], 'years'> & { years: ResultView[] }

export type FitnessImportReport = Schemas['FitnessImport.Report']

/** FitnessStats.Rate: percent absent when nobody was counted */
export type Rate = Schemas['FitnessStats.Rate']

/** FitnessStats.Cell: grade absent = all grades; sex M, F or ALL; suppressed cells carry no figures */
export type StatsCell = Omit<Schemas['FitnessStats.Cell'], 'sex'> & { sex: 'M' | 'F' | 'ALL' }

export type StatsSchoolRow = Schemas['FitnessStats.SchoolRow']

export type StatsTrendRow = Schemas['FitnessStats.TrendRow']

/** FitnessStats.Stats: suppressionThreshold and schools for the county only */
export type FitnessStats = Omit<Schemas['FitnessStats.Stats'], 'scope' | 'cells'> & {
  scope: 'class' | 'school' | 'county'
  cells: StatsCell[]
}

export const RATINGS = ['优秀', '良好', '及格', '不及格'] as const
export const BMI_CATEGORIES = ['正常', '低体重', '超重', '肥胖'] as const

/** HealthFlagService.FlagView: medicalDescription and documents only for full readers */
export type HealthFlag = Schemas['HealthFlagService.FlagView']

export type ClassHealthFlag = Schemas['HealthFlagService.ClassFlagView']

export type HealthFlagInput = Schemas['HealthFlagService.FlagInput']

export const fitnessApi = {
  /** the body is narrower than the generated FitnessService.ScoreRequest (all optional, items unknown) */
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
