import { api } from './index'
import type { Page } from './types'

/** 写实记录 (org.zhsz.record.RecordController). */
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
export interface Category {
  dimension: Dimension
  code: string
  zh: string
  en?: string
  privateToFamily: boolean
  severity: boolean
  hours: boolean
  /** SPORTS or ARTS: records of this category name a skill */
  skill?: string | null
}

export interface Person {
  username: string
  name?: string
  role?: string
}

/** RecordView */
export interface StudentRecord {
  id: string
  studentId: string
  /** in lists of several students' records (the review queue) */
  studentName?: string
  className?: string
  schoolId: string
  classId?: string
  term: string
  dimension: Dimension
  dimensionLabel?: string
  category: string
  categoryName?: string
  title: string
  description?: string
  occurredOn: string
  hours?: number
  level?: Level
  award?: string
  severity?: Severity
  skill?: string
  evidence: string[]
  source: 'TEACHER' | 'STUDENT' | 'IMPORT' | 'FAMILY'
  /** a home task the family confirmed (source FAMILY): who did it, which guardian confirmed it */
  family?: { completionId: string; taskCode: string; doneBy?: Person; confirmedBy?: Person; confirmedAt?: string }
  status: RecordStatus
  recordedBy?: Person
  review?: { decision: string; reason?: string; by?: Person; at?: string }
  voided?: { reason: string; by?: Person; at?: string }
  privateToFamily: boolean
  batchId?: string
  version: number
  createdAt?: string
  updatedAt?: string
}

/** Evidence.Stored */
export interface EvidenceFile {
  id: string
  filename: string
  contentType: string
  size: number
  sha256?: string
  uploadedBy?: string
  uploadedAt?: string
}

/** StudentRecord.Change: fields maps a field to [before, after] */
export interface RecordChange {
  at: string
  by?: Person
  action: string
  fields?: Record<string, (string | null)[]>
  note?: string
}

export interface RecordDetail {
  record: StudentRecord
  evidence: EvidenceFile[]
  history: RecordChange[]
  /** what the viewer may do with the record now, decided by the server: edit, submit, review, void, delete */
  actions: string[]
}

/** The body of a new record (RecordController.RecordBody). */
export interface RecordInput {
  dimension: Dimension
  category: string
  title: string
  description?: string
  occurredOn: string
  hours?: number
  level?: Level
  award?: string
  severity?: Severity
  skill?: string
  evidence?: string[]
  submit?: boolean
}

export type RecordPatch = Partial<Omit<RecordInput, 'dimension' | 'submit'>>

export interface BatchItem {
  studentId: string
  name?: string
  status: 'CREATED' | 'FAILED' | 'NOT_IN_CLASS'
  recordId?: string
  error?: string
}

export interface BatchResult {
  batchId: string
  created: number
  failed: number
  items: BatchItem[]
}

export type DimensionCounts = Record<Dimension, number>

export interface OverviewRow {
  studentId: string
  name: string
  approved: DimensionCounts
  pending: DimensionCounts
  todo: Dimension[]
}

export interface ClassOverview {
  classId: string
  className: string
  term: string
  students: OverviewRow[]
  studentsWithRecords: DimensionCounts
}

/** RecordViews.Coverage: figures are absent when suppressed (small cell) */
export interface Coverage {
  scope: string
  id: string
  name?: string
  term: string
  students: number
  withSportsSkill?: number | null
  withArtsSkill?: number | null
  labourHoursMet?: number | null
  sportsRate?: number | null
  artsRate?: number | null
  labourRate?: number | null
  suppressed: boolean
}

export interface SchoolCoverage {
  school: Coverage
  classes: Coverage[]
}

export interface CountyCoverage {
  countyId: string
  term: string
  county: Coverage
  schools: Coverage[]
}

export interface Skills {
  studentId: string
  sportsSkills: string[]
  artsSkills: string[]
  labourHoursByTerm: Record<string, number>
  labourHoursRequired: number
  sportsGoalMet: boolean
  artsGoalMet: boolean
  labourMetThisTerm: boolean
  currentTerm: string
}

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
export interface ReviewOutcome {
  studentId: string
  recordId: string
  status: 'APPROVED' | 'REJECTED' | 'FAILED'
  errorCode?: string
  /** why it failed, in the user's language */
  error?: string
  record?: StudentRecord
}

export interface BatchReviewResult {
  approved: number
  rejected: number
  failed: number
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

  batch: (classId: string, body: { studentIds?: string[]; record: RecordInput }, idempotencyKey?: string) =>
    api.create<BatchResult>(`${V1}/classes/${enc(classId)}/records/batch`, body, { idempotencyKey }),
  writable: (classId: string) =>
    api.get<{ classId: string; dimensions: Dimension[] }>(`${V1}/classes/${enc(classId)}/records/writable`),
  overview: (classId: string, term?: string) =>
    api.get<ClassOverview>(`${V1}/classes/${enc(classId)}/records/overview`, { term }),
  classCoverage: (classId: string, term?: string) =>
    api.get<Coverage>(`${V1}/classes/${enc(classId)}/coverage`, { term }),
  schoolCoverage: (schoolId: string, term?: string) =>
    api.get<SchoolCoverage>(`${V1}/schools/${enc(schoolId)}/coverage`, { term }),
  countyCoverage: (term?: string) => api.get<CountyCoverage>(`${V1}/stats/coverage`, { term }),
  reviewQueue: () => api.get<StudentRecord[]>(`${V1}/records/review-queue`),
  reviewBatch: (body: {
    decision: 'APPROVE' | 'REJECT'
    reason?: string
    items: { studentId: string; recordId: string; version?: number }[]
  }) => api.post<BatchReviewResult>(`${V1}/records/review-batch`, body),
  returnReasons: () => api.get<string[]>(`${V1}/record-return-reasons`),
  saveReturnReasons: (list: string[]) => api.put<string[]>(`${V1}/record-return-reasons`, list),
  skills: (studentId: string) => api.get<Skills>(`${student(studentId)}/skills`),
}
