import { api } from './index'
import type { components } from './schema'

type Schemas = components['schemas']

/**
 * 学情洞察 (org.zhsz.insight: InsightController): the early warning of a class, a school and the county's counts,
 * and a student's growth portrait; the shapes are the generated ones (schema.d.ts), plain-string codes narrowed to
 * their unions. Null fields are left out by the server; a suppressed count is absent and named
 * in `suppressed`.
 */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type WarningLevel = 'HIGH' | 'MEDIUM' | 'LOW'

export type WarningReason = Schemas['EarlyWarnings.ReasonView']

export type WarningItem = Omit<Schemas['EarlyWarnings.Item'], 'level' | 'reasons'> & {
  level: WarningLevel
  reasons: WarningReason[]
}

export type ClassWarnings = Omit<Schemas['EarlyWarnings.ClassWarnings'], 'levels' | 'items'> & {
  levels: WarningLevel[]
  items: WarningItem[]
}

export type GradeCount = Omit<Schemas['EarlyWarnings.GradeCount'], 'byLevel'> & {
  /** a suppressed level is absent and named in `suppressed` */
  byLevel: Partial<Record<WarningLevel, number>>
}

export type SchoolWarnings = Omit<Schemas['EarlyWarnings.SchoolWarnings'], 'levels' | 'grades' | 'total' | 'items'> & {
  levels: WarningLevel[]
  grades: GradeCount[]
  total: GradeCount
  items: WarningItem[]
}

export type CountyWarnings = Omit<Schemas['EarlyWarnings.CountyWarnings'], 'levels' | 'schools'> & {
  levels: WarningLevel[]
  schools: SchoolWarnings[]
}

export type PortraitDimension = 'MORAL' | 'ACADEMIC' | 'PHYSICAL' | 'ARTS' | 'LABOUR' | 'SOCIAL_PRACTICE'

export type PortraitFigures = Omit<Schemas['Portraits.Figures'], 'records'> & {
  records?: Partial<Record<PortraitDimension, number>>
}

export type PortraitDimensionView = Omit<Schemas['Portraits.DimensionView'], 'dimension'> & {
  dimension: PortraitDimension
}

export type TermPortrait = Omit<Schemas['Portraits.TermPortrait'], 'figures' | 'dimensions'> & {
  figures: PortraitFigures
  dimensions: PortraitDimensionView[]
}

/** `shown`: the data classes whose figures this viewer sees */
export type Portrait = Omit<Schemas['Portraits.Portrait'], 'terms'> & { terms: TermPortrait[] }

export type CountyReportSchool = Schemas['CountyReport.SchoolValue']

export type CountyReportIndicator = Schemas['CountyReport.IndicatorView']

export type CountyReport = Schemas['CountyReport.Report']

export const insightApi = {
  countyReport: (year?: string) => api.get<CountyReport>(`${V1}/reports/county`, { year }),
  countyReportFile: (year: string, format: 'pdf' | 'xlsx') => api.download(`${V1}/reports/county`, { year, format }),
  classWarnings: (classId: string) => api.get<ClassWarnings>(`${V1}/classes/${enc(classId)}/early-warnings`),
  schoolWarnings: (schoolId: string) => api.get<SchoolWarnings>(`${V1}/schools/${enc(schoolId)}/early-warnings`),
  countyWarnings: () => api.get<CountyWarnings>(`${V1}/stats/early-warnings`),
  portrait: (studentId: string) => api.get<Portrait>(`${V1}/students/${enc(studentId)}/portrait`),
}
