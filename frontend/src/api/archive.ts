import { api } from './index'
import type { components } from './schema'
import type { Grant } from './types'
import type { Dimension } from './records'

type Schemas = components['schemas']

/**
 * 综评档案 (org.zhsz.archive.ArchiveController, DossierController, ExportController). The shapes are the generated ones
 * (schema.d.ts), plain-string codes narrowed to their unions.
 */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type ArchiveStatus = 'DRAFT' | 'PUBLICITY' | 'SIGNING' | 'LOCKED'
/** ArchiveService.phase: the plain-language step of the archive */
export type ArchivePhase = 'SELECTING' | 'IN_PUBLICITY' | 'SIGNING' | 'LOCKED'
export type SignRole = 'STUDENT' | 'GUARDIAN' | 'HEAD_TEACHER' | 'PRINCIPAL'
export const SIGN_ROLES: readonly SignRole[] = ['STUDENT', 'GUARDIAN', 'HEAD_TEACHER', 'PRINCIPAL']

/** RecordDirectory.ArchivableRecord: an approved record that may go into the archive */
export type ArchivableRecord = Omit<Schemas['RecordDirectory.ArchivableRecord'], 'dimension'> & { dimension: Dimension }

export type ArchivePerson = Schemas['TermArchive.Person']

export type PublicityWindow = Schemas['TermArchive.Publicity']

export type Signature = Schemas['TermArchive.Signature']

export type Amendment = Omit<Schemas['TermArchive.Amendment'], 'status'> & {
  status: 'PENDING' | 'APPROVED' | 'REJECTED'
}

export type SnapshotRecord = Schemas['TermArchive.SnapshotRecord']

export type Snapshot = Schemas['TermArchive.Snapshot']

/** ArchiveService.ArchiveView */
export type ArchiveView = Omit<
  Schemas['ArchiveService.ArchiveView'],
  'phase' | 'selected' | 'selectable' | 'nextSignatures' | 'amendments'
> & {
  phase: ArchivePhase
  selected: Partial<Record<Dimension, ArchivableRecord[]>>
  selectable: ArchivableRecord[]
  nextSignatures: SignRole[]
  amendments: Amendment[]
}

export type Window = Schemas['Publicity.Window']

export type BoardRecord = Schemas['Publicity.BoardRecord']

export type BoardEntry = Omit<Schemas['Publicity.BoardEntry'], 'selected'> & {
  selected: Partial<Record<Dimension, BoardRecord[]>>
}

export type Board = Omit<Schemas['Publicity.Board'], 'students'> & {
  /** in 学号 order */
  students: BoardEntry[]
}

export type Objection = Omit<Schemas['Publicity.ObjectionView'], 'status'> & { status: 'OPEN' | 'UPHELD' | 'DISMISSED' }

export type ExportJob = Omit<Schemas['Exports.Job'], 'status'> & { status: 'RUNNING' | 'DONE' | 'FAILED' }

export type Released = Schemas['ExportController.Released']

export type VerifyStatus = 'valid' | 'amended' | 'revoked' | 'invalid'

export type DossierStatus = Omit<Schemas['Dossiers.Status'], 'status'> & { status: VerifyStatus }

export type FileCheck = Omit<Schemas['Dossiers.FileCheck'], 'status'> & { status: VerifyStatus }

const archive = (studentId: string, term: string) => `${V1}/students/${enc(studentId)}/archives/${enc(term)}`

/** ArchiveService.ArchiveSummary (GET /api/v1/classes/{id}/archives): where one archive stands, no content. */
export type ArchiveSummary = Omit<Schemas['ArchiveService.ArchiveSummary'], 'phase' | 'signed' | 'nextSignatures'> & {
  phase: ArchivePhase
  signed: SignRole[]
  nextSignatures: SignRole[]
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
