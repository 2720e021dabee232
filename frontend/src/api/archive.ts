import { api } from './index'
import type { Grant } from './types'
import type { Dimension } from './records'

/** 综评档案 (org.zhsz.archive.ArchiveController, DossierController, ExportController). */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type ArchiveStatus = 'DRAFT' | 'PUBLICITY' | 'SIGNING' | 'LOCKED'
/** ArchiveService.phase: the plain-language step of the archive */
export type ArchivePhase = 'SELECTING' | 'IN_PUBLICITY' | 'SIGNING' | 'LOCKED'
export type SignRole = 'STUDENT' | 'GUARDIAN' | 'HEAD_TEACHER' | 'PRINCIPAL'
export const SIGN_ROLES: readonly SignRole[] = ['STUDENT', 'GUARDIAN', 'HEAD_TEACHER', 'PRINCIPAL']

/** RecordDirectory.ArchivableRecord: an approved record that may go into the archive */
export interface ArchivableRecord {
  id: string
  studentId: string
  term: string
  dimension: Dimension
  dimensionLabel?: string
  category: string
  categoryName?: string
  title: string
  description?: string
  occurredOn: string
  hours?: number
  level?: string
  levelLabel?: string
  award?: string
  skill?: string
  privateToFamily: boolean
}

export interface ArchivePerson {
  username: string
  name?: string
}

export interface PublicityWindow {
  startOn: string
  endOn: string
  workingDays: number
  openedBy?: ArchivePerson
  openedAt?: string
  closedEarlyAt?: string
}

export interface Signature {
  role: SignRole
  username: string
  name?: string
  at: string
}

export interface Amendment {
  id: string
  reason: string
  requestedBy?: ArchivePerson
  requestedAt: string
  selfStatement?: string
  comment?: string
  selection?: Record<string, string[]>
  status: 'PENDING' | 'APPROVED' | 'REJECTED'
  decidedBy?: ArchivePerson
  decidedAt?: string
  fromHash?: string
  toHash?: string
}

export interface SnapshotRecord {
  id: string
  dimension: string
  dimensionLabel?: string
  categoryName?: string
  title: string
  description?: string
  occurredOn: string
  levelLabel?: string
  award?: string
  hours?: number
  skill?: string
}

export interface Snapshot {
  studentName: string
  studentNoMasked?: string
  sex?: string
  schoolName?: string
  className?: string
  termName?: string
  records: SnapshotRecord[]
  selfStatement?: string
  comment?: string
  commentBy?: string
  fitness?: { schoolYear: string; totalScore: number; rating: string }
  signatures?: Signature[]
}

/** ArchiveService.ArchiveView */
export interface ArchiveView {
  studentId: string
  term: string
  termName: string
  status: ArchiveStatus
  phase: ArchivePhase
  selected: Partial<Record<Dimension, ArchivableRecord[]>>
  selectable: ArchivableRecord[]
  selfStatement?: string
  comment?: string
  commentBy?: ArchivePerson
  publicity?: PublicityWindow
  signatures: Signature[]
  nextSignatures: SignRole[]
  contentHash?: string
  archiveVersion: number
  previousHash?: string
  lockedAt?: string
  amendments: Amendment[]
  snapshot?: Snapshot
  openObjections: number
  selectionLimit: number
  version?: number | null
}

export interface Window {
  classId: string
  term: string
  startOn: string
  endOn: string
  workingDays: number
  archives: number
  open: boolean
}

export interface BoardRecord {
  recordId: string
  dimensionLabel?: string
  categoryName?: string
  title: string
  occurredOn: string
  levelLabel?: string
  award?: string
}

export interface BoardEntry {
  studentId: string
  name: string
  selected: Partial<Record<Dimension, BoardRecord[]>>
  openObjections: number
}

export interface Board {
  classId: string
  term: string
  termName: string
  startOn: string
  endOn: string
  open: boolean
  /** in 学号 order */
  students: BoardEntry[]
  /** whether the reader may object (the school, which decides objections, may not) */
  canObject?: boolean
}

export interface Objection {
  id: string
  classId: string
  term: string
  studentId: string
  studentName?: string
  recordId?: string
  reason: string
  filedByName?: string
  filedByRole?: string
  filedAt: string
  status: 'OPEN' | 'UPHELD' | 'DISMISSED'
  resolution?: string
  resolvedAt?: string
  mine: boolean
}

export interface ExportJob {
  id: string
  schoolId: string
  requestedBy?: string
  scope: string
  total: number
  done: number
  status: 'RUNNING' | 'DONE' | 'FAILED'
  bytes?: number
  error?: string
  createdAt: string
  finishedAt?: string
}

export interface Released {
  studentId: string
  name: string
  schoolId: string
  /** the student's school by name */
  schoolName?: string
  until: string
}

export type VerifyStatus = 'valid' | 'amended' | 'revoked' | 'invalid'

export interface DossierStatus {
  status: VerifyStatus
  school?: string
  student?: string
  graduationYear?: number
  sha256?: string
  issuedAt?: string
}

export interface FileCheck {
  signaturePresent: boolean
  signatureValid: boolean
  coversWholeDocument: boolean
  signer?: string
  signerIsIssuingSchool: boolean
  sha256?: string
  known: boolean
  code?: string
  status: VerifyStatus
  school?: string
  student?: string
  problem?: string
}

const archive = (studentId: string, term: string) => `${V1}/students/${enc(studentId)}/archives/${enc(term)}`

/** ArchiveService.ArchiveSummary (GET /api/v1/classes/{id}/archives): where one archive stands, no content. */
export interface ArchiveSummary {
  studentId: string
  studentName: string
  studentNo?: string
  phase: ArchivePhase
  status: ArchiveStatus
  selectedCount: number
  signed: SignRole[]
  nextSignatures: SignRole[]
  openObjections: number
  version?: number
}

export const archiveApi = {
  get: (studentId: string, term: string) => api.get<ArchiveView>(archive(studentId, term)),
  /** a class's archives in one read (one audited read of the class, not one per student) */
  classArchives: (classId: string, term?: string) =>
    api.get<ArchiveSummary[]>(`/api/v1/classes/${encodeURIComponent(classId)}/archives`, { term }),
  select: (studentId: string, term: string, selection: Record<string, string[]>, version?: number | null) =>
    api.put<ArchiveView>(`${archive(studentId, term)}/selection`, { selection }, { ifMatch: version }),
  selfStatement: (studentId: string, term: string, text: string, version?: number | null) =>
    api.put<ArchiveView>(`${archive(studentId, term)}/self-statement`, { text }, { ifMatch: version }),
  comment: (studentId: string, term: string, text: string, version?: number | null) =>
    api.put<ArchiveView>(`${archive(studentId, term)}/comment`, { text }, { ifMatch: version }),
  sign: (studentId: string, term: string, version?: number | null) =>
    api.post<ArchiveView>(`${archive(studentId, term)}/sign`, undefined, { ifMatch: version }),
  approve: (studentId: string, term: string, version?: number | null) =>
    api.post<ArchiveView>(`${archive(studentId, term)}/approve`, undefined, { ifMatch: version }),
  requestAmendment: (
    studentId: string,
    term: string,
    body: { reason: string; selfStatement?: string; comment?: string },
    idempotencyKey?: string,
  ) => api.create<ArchiveView>(`${archive(studentId, term)}/amendments`, body, { idempotencyKey }),
  decideAmendment: (studentId: string, term: string, amendmentId: string, decision: 'APPROVE' | 'REJECT') =>
    api.post<ArchiveView>(`${archive(studentId, term)}/amendments/${enc(amendmentId)}/decision`, { decision }),

  openPublicity: (classId: string, body: { workingDays?: number; startOn?: string }, idempotencyKey?: string) =>
    api.create<Window>(`${V1}/classes/${enc(classId)}/publicity`, body, { idempotencyKey }),
  closePublicity: (classId: string) => api.post<Window>(`${V1}/classes/${enc(classId)}/publicity/close`),
  board: (classId: string, term?: string) => api.get<Board>(`${V1}/classes/${enc(classId)}/publicity`, { term }),
  object: (classId: string, body: { studentId: string; recordId?: string; reason: string }, idempotencyKey?: string) =>
    api.create<Objection>(`${V1}/classes/${enc(classId)}/publicity/objections`, body, { idempotencyKey }),
  objections: (classId: string, term?: string) =>
    api.get<Objection[]>(`${V1}/classes/${enc(classId)}/publicity/objections`, { term }),
  resolve: (objectionId: string, decision: 'UPHELD' | 'DISMISSED', resolution: string) =>
    api.post<Objection>(`${V1}/publicity/objections/${enc(objectionId)}/resolve`, { decision, resolution }),

  dossier: (studentId: string) => api.download(`${V1}/students/${enc(studentId)}/dossier.pdf`),
  exports: () => api.get<ExportJob[]>(`${V1}/dossier-exports`),
  startExport: (body: { classId?: string; gradeLevel?: number }, idempotencyKey?: string) =>
    api.create<ExportJob>(`${V1}/dossier-exports`, body, { idempotencyKey }),
  exportJob: (id: string) => api.get<ExportJob>(`${V1}/dossier-exports/${enc(id)}`),
  exportFile: (id: string) => api.download(`${V1}/dossier-exports/${enc(id)}/file`),
  release: (body: { studentIds: string[]; officer: string; until: string; reason?: string }, idempotencyKey?: string) =>
    api.create<Grant[]>(`${V1}/dossier-releases`, body, { idempotencyKey }),
  releases: () => api.get<Grant[]>(`${V1}/dossier-releases`),
  admissions: () => api.get<Released[]>(`${V1}/admissions/dossiers`),

  verify: (code: string) => api.get<DossierStatus>(`${V1}/verify/${enc(code)}`),
  verifyFile: (file: File, onProgress?: (f: number) => void) =>
    api.upload<FileCheck>(`${V1}/verify`, file, { field: 'file', onProgress }),
}
