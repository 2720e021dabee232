import { api } from './index'

/**
 * 学情洞察 (org.zhsz.insight: InsightController): the early warning of a class, a school and the county's counts,
 * and a student's growth portrait. Null fields are left out by the server; a suppressed count is absent and named
 * in `suppressed`.
 */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type WarningLevel = 'HIGH' | 'MEDIUM' | 'LOW'

export interface WarningReason {
  code: string
  label: string
  since?: string
}

export interface WarningItem {
  studentId: string
  name: string
  classId: string
  className: string
  level: WarningLevel
  levelLabel: string
  score: number
  reasons: WarningReason[]
}

export interface ClassWarnings {
  classId: string
  className: string
  termCode: string
  levels: WarningLevel[]
  members: number
  items: WarningItem[]
}

export interface GradeCount {
  grade: number
  gradeName: string
  students: number
  byLevel: Partial<Record<WarningLevel, number | null>>
  flagged?: number | null
  suppressed: string[]
}

export interface SchoolWarnings {
  schoolId: string
  schoolName: string
  termCode: string
  levels: WarningLevel[]
  names: boolean
  suppressionThreshold: number
  grades: GradeCount[]
  total: GradeCount
  items: WarningItem[]
}

export interface CountyWarnings {
  countyId: string
  levels: WarningLevel[]
  suppressionThreshold: number
  schools: SchoolWarnings[]
}

export type PortraitDimension = 'MORAL' | 'ACADEMIC' | 'PHYSICAL' | 'ARTS' | 'LABOUR' | 'SOCIAL_PRACTICE'

export interface PortraitFigures {
  records?: Partial<Record<PortraitDimension, number>>
  violations?: number
  sportsSkills?: number
  artsSkills?: number
  labourHours?: number
  fitnessTotal?: number
  fitnessRating?: string
  visionCategory?: string
  attendanceRate?: number
}

export interface PortraitDimensionView {
  dimension: PortraitDimension
  label: string
  score?: number
  level?: string
  levelLabel?: string
}

export interface TermPortrait {
  term: string
  termName: string
  figures: PortraitFigures
  dimensions: PortraitDimensionView[]
}

export interface Portrait {
  studentId: string
  name: string
  rulesVersion: string
  levels: string[]
  /** the data classes whose figures this viewer sees */
  shown: string[]
  terms: TermPortrait[]
}

export interface CountyReportSchool {
  schoolId: string
  schoolName: string
  rate?: number | null
  previous?: number | null
}

export interface CountyReportIndicator {
  code: string
  label: string
  target?: number | null
  higherIsBetter: boolean
  planItem: string
  source: string
  county?: number | null
  countyPrevious?: number | null
  met?: boolean | null
  schools: CountyReportSchool[]
}

/** CountyReport.Report */
export interface CountyReport {
  countyId: string
  year: string
  previousYear: string
  asOf: string
  suppressionThreshold: number
  targetsVersion: string
  indicators: CountyReportIndicator[]
}

export const insightApi = {
  countyReport: (year?: string) => api.get<CountyReport>(`${V1}/reports/county`, { year }),
  countyReportFile: (year: string, format: 'pdf' | 'xlsx') => api.download(`${V1}/reports/county`, { year, format }),
  classWarnings: (classId: string) => api.get<ClassWarnings>(`${V1}/classes/${enc(classId)}/early-warnings`),
  schoolWarnings: (schoolId: string) => api.get<SchoolWarnings>(`${V1}/schools/${enc(schoolId)}/early-warnings`),
  countyWarnings: () => api.get<CountyWarnings>(`${V1}/stats/early-warnings`),
  portrait: (studentId: string) => api.get<Portrait>(`${V1}/students/${enc(studentId)}/portrait`),
}
