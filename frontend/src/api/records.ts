import { api } from './index'
import type { components } from './schema'
import type { Page } from './types'

type Schemas = components['schemas']

/**
 * 写实记录 (org.zhsz.record.RecordController). The shapes are the generated ones (schema.d.ts); plain-string fields the
 * page relies on as unions are narrowed here.
 */
const V1 = '/api/v1'
const enc = encodeURIComponent

export const DIMENSIONS = ['MORAL', 'ACADEMIC', 'PHYSICAL', 'ARTS', 'LABOUR', 'SOCIAL_PRACTICE'] as const
export type Dimension = (typeof DIMENSIONS)[number]

export const LEVELS = ['SCHOOL', 'COUNTY', 'CITY', 'PROVINCE', 'NATIONAL'] as const
export type Level = (typeof LEVELS)[number]

export const SEVERITIES = ['MINOR', 'MODERATE', 'SERIOUS'] as const
export type Severity = (typeof SEVERITIES)[number]

export const RECORD_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'VOIDED'] as const
export type RecordStatus = (typeof RECORD_STATUSES)[number]

/** Category: flat list from GET /record-categories (the page groups it by dimension). */
export type Category = Schemas['Category']

export type Person = Schemas['StudentRecord.Person']

/** RecordView */
export type StudentRecord = Omit<Schemas['RecordView'], 'source' | 'severity'> & {
  source: 'TEACHER' | 'STUDENT' | 'IMPORT' | 'FAMILY'
  severity?: Severity
}

/** Evidence.Stored */
export type EvidenceFile = Schemas['Evidence.Stored']

/** StudentRecord.Change: fields maps a field to [before, after] */
export type RecordChange = Omit<Schemas['StudentRecord.Change'], 'fields'> & {
  /** a field to [before, after] */
  fields: Record<string, (string | null)[]>
}

export type RecordDetail = Omit<Schemas['RecordService.Detail'], 'record' | 'history'> & {
  record: StudentRecord
  history: RecordChange[]
}

/** The body of a new record (RecordController.RecordBody). */
export type RecordInput = Omit<Schemas['RecordController.RecordBody'], 'severity'> & { severity?: Severity }

export type RecordPatch = Omit<Schemas['RecordController.PatchBody'], 'severity'> & { severity?: Severity }

export type BatchItem = Omit<Schemas['RecordBatch.Item'], 'status'> & { status: 'CREATED' | 'FAILED' | 'NOT_IN_CLASS' }

export type BatchInput = Omit<Schemas['RecordController.BatchBody'], 'record'> & { record: RecordInput }

export type BatchResult = Omit<Schemas['RecordBatch.Result'], 'items'> & { items: BatchItem[] }

export type DimensionCounts = Record<Dimension, number>

export type OverviewRow = Omit<Schemas['RecordViews.StudentRow'], 'approved' | 'pending'> & {
  approved: DimensionCounts
  pending: DimensionCounts
}

export type ClassOverview = Omit<Schemas['RecordViews.ClassOverview'], 'students' | 'studentsWithRecords'> & {
  students: OverviewRow[]
  studentsWithRecords: DimensionCounts
}

/** RecordViews.Coverage: figures are absent when suppressed (small cell) */
export type Coverage = Schemas['RecordViews.Coverage']

export type SchoolCoverage = Schemas['RecordViews.SchoolCoverage']

export type CountyCoverage = Schemas['RecordViews.CountyCoverage']

export type Skills = Schemas['RecordViews.Skills']

/** the query of a student's timeline (parameters, not a schema) */
export interface TimelineFilter {
  term?: string
  dimension?: Dimension | ''
  status?: RecordStatus | ''
  includeVoided?: boolean
  page?: number
  size?: number
}

const student = (id: string) => `${V1}/students/${enc(id)}`

/** One record's outcome of a batch review (POST /api/v1/records/review-batch). */
export type ReviewOutcome = Omit<Schemas['RecordController.ReviewOutcome'], 'status' | 'record'> & {
  status: 'APPROVED' | 'REJECTED' | 'FAILED'
  record?: StudentRecord
}

export type BatchReviewInput = Omit<Schemas['RecordController.BatchReviewBody'], 'decision' | 'items'> & {
  decision: 'APPROVE' | 'REJECT'
  items: Schemas['RecordController.ReviewItem'][]
}

export type BatchReviewResult = Omit<Schemas['RecordController.BatchReviewResult'], 'items'> & {
  items: ReviewOutcome[]
}

export const recordsApi = {
  categories: () => api.get<Category[]>(`${V1}/record-categories`),
  saveCategories: (list: Category[]) => api.put<Category[]>(`${V1}/record-categories`, list),

  timeline: (studentId: string, filter: TimelineFilter = {}) =>
    api.get<Page<StudentRecord>>(`${student(studentId)}/records`, {
      ...filter,
      includeVoided: filter.includeVoided || undefined,
    }),
  get: (studentId: string, recordId: string) => api.get<RecordDetail>(`${student(studentId)}/records/${enc(recordId)}`),
  create: (studentId: string, body: RecordInput, idempotencyKey?: string) =>
    api.create<StudentRecord>(`${student(studentId)}/records`, body, { idempotencyKey }),
  patch: (studentId: string, recordId: string, body: RecordPatch, version: number) =>
    api.patch<StudentRecord>(`${student(studentId)}/records/${enc(recordId)}`, body, { ifMatch: version }),
  remove: (studentId: string, recordId: string, version: number) =>
    api.delete(`${student(studentId)}/records/${enc(recordId)}`, { ifMatch: version }),
  submit: (studentId: string, recordId: string, version: number) =>
    api.post<StudentRecord>(`${student(studentId)}/records/${enc(recordId)}/submit`, undefined, { ifMatch: version }),
  review: (
    studentId: string,
    recordId: string,
    decision: 'APPROVE' | 'REJECT',
    reason: string | undefined,
    version: number,
  ) =>
    api.post<StudentRecord>(
      `${student(studentId)}/records/${enc(recordId)}/review`,
      { decision, reason },
      { ifMatch: version },
    ),
  void: (studentId: string, recordId: string, reason: string, version: number) =>
    api.post<StudentRecord>(`${student(studentId)}/records/${enc(recordId)}/void`, { reason }, { ifMatch: version }),

  uploadEvidence: (studentId: string, file: File, onProgress?: (f: number) => void, signal?: AbortSignal) =>
    api.upload<EvidenceFile>(`${student(studentId)}/evidence`, file, { field: 'file', onProgress, signal }),
  evidence: (studentId: string, evidenceId: string) =>
    api.download(`${student(studentId)}/evidence/${enc(evidenceId)}`),

  batch: (classId: string, body: BatchInput, idempotencyKey?: string) =>
    api.create<BatchResult>(`${V1}/classes/${enc(classId)}/records/batch`, body, { idempotencyKey }),
  writable: (classId: string) =>
    api.get<Schemas['RecordViews.Writable']>(`${V1}/classes/${enc(classId)}/records/writable`),
  overview: (classId: string, term?: string) =>
    api.get<ClassOverview>(`${V1}/classes/${enc(classId)}/records/overview`, { term }),
  classCoverage: (classId: string, term?: string) =>
    api.get<Coverage>(`${V1}/classes/${enc(classId)}/coverage`, { term }),
  schoolCoverage: (schoolId: string, term?: string) =>
    api.get<SchoolCoverage>(`${V1}/schools/${enc(schoolId)}/coverage`, { term }),
  countyCoverage: (term?: string) => api.get<CountyCoverage>(`${V1}/stats/coverage`, { term }),
  reviewQueue: () => api.get<StudentRecord[]>(`${V1}/records/review-queue`),
  reviewBatch: (body: BatchReviewInput) => api.post<BatchReviewResult>(`${V1}/records/review-batch`, body),
  returnReasons: () => api.get<string[]>(`${V1}/record-return-reasons`),
  saveReturnReasons: (list: string[]) => api.put<string[]>(`${V1}/record-return-reasons`, list),
  skills: (studentId: string) => api.get<Skills>(`${student(studentId)}/skills`),
}
