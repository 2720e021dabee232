import { api } from './index'

/** 心理健康 (org.zhsz.wellbeing.WellbeingController). Absent or null figures in statistics are suppressed cells. */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type Localized = Record<string, string>

export interface InstrumentSummary {
  code: string
  version: number
  name: Localized
  items: number
  licence?: string
}

/** Instrument.publicView: what a student is shown (no scoring rules) */
export interface InstrumentView {
  code: string
  version: number
  name: Localized
  stem: Localized
  options: { value: number; label: Localized }[]
  items: { n: number; text: Localized }[]
  licence?: string
}

export type CampaignStatus = 'SCHEDULED' | 'OPEN' | 'ENDED' | 'CLOSED'

export interface Campaign {
  id: string
  name: string
  instruments: string[]
  variant?: string
  classIds: string[]
  opensOn: string
  closesOn: string
  status: CampaignStatus
  createdBy?: string
  createdAt?: string
}

export interface NewCampaign {
  name: string
  instruments: string[]
  variant?: string
  classIds: string[]
  opensOn: string
  closesOn: string
}

export interface MyScreening {
  campaign: Campaign
  instruments: InstrumentView[]
  /** instrument codes already answered */
  done: string[]
}

export interface Submitted {
  responseId: string
  instrument: string
  submittedAt: string
  alertRaised: boolean
}

export interface Alert {
  id: string
  studentId: string
  studentName: string
  classId?: string
  reason: string
  raisedAt: string
  acknowledgedAt?: string
  acknowledgedBy?: string
  note?: string
  overdue: boolean
  version?: number
}

export interface OverdueSummary {
  overdue: number
  oldestRaisedAt?: string
  ackWithinMinutes: number
}

export interface PlanTask {
  id?: string
  assignee: string
  assigneeName?: string
  title: string
  schedule?: string
  dueOn?: string | null
  done: boolean
}

export interface Responsible {
  username?: string
  name: string
  role?: string
  duty?: string
}

export interface FollowUp {
  dueOn?: string | null
  doneOn?: string | null
  note?: string
}

export interface Plan {
  studentId: string
  riskLevel: string
  status: 'ACTIVE' | 'CLOSED'
  concerns?: string
  goals?: string
  interventions?: string
  responsible: Responsible[]
  tasks: PlanTask[]
  followUps: FollowUp[]
  reviewOn?: string | null
  updatedByName?: string
  updatedAt?: string
  version?: number
}

export type PlanInput = Omit<Plan, 'studentId' | 'updatedByName' | 'updatedAt' | 'version'>

export interface PlanVersion {
  version: number
  savedAt: string
  savedBy?: string
  plan: Plan
}

export interface CaseRow {
  studentId: string
  name: string
  classId?: string
  riskLevel: string
  status: string
  nextFollowUp?: string
  reviewOn?: string
  followUpOverdue: boolean
  reviewOverdue: boolean
}

export interface AssignedTask {
  studentId: string
  studentName: string
  classId?: string
  needsAttention: boolean
  task: PlanTask
}

export interface AttentionFlag {
  studentId: string
  needsAttention: boolean
  myTasks: PlanTask[]
}

export interface Session {
  id: string
  date: string
  minutes: number
  kind: string
  note?: string
  counselorName?: string
  createdAt?: string
}

export interface Referral {
  id: string
  hospital: string
  referredOn: string
  guardianInformed: boolean
  guardianInformedOn?: string
  outcome?: string
  status: string
  version?: number
}

/** WellbeingStats.Table: cells[row][column], null = suppressed */
export interface BandTable {
  instrument: string
  rows: string[]
  columns: string[]
  cells: (number | null)[][]
  rowTotals: (number | null)[]
}

export interface CampaignStats {
  campaignId: string
  name: string
  opensOn: string
  invited: number
  responded: Record<string, number>
  coverage: Record<string, number | null>
  bandsByGrade: BandTable[]
}

export interface TrendPoint {
  campaignId: string
  name: string
  opensOn: string
  instrument: string
  responded?: number | null
  bandShare: Record<string, number | null>
}

/** counts under 5 are absent (suppressed) */
export interface SchoolCounts {
  schoolId: string
  campaigns: number
  responses?: number | null
  activePlans?: number | null
  openAlerts?: number | null
}

export interface CountyWellbeing {
  countyId: string
  schools: SchoolCounts[]
  campaigns: CampaignStats[]
}

const student = (id: string) => `${V1}/students/${enc(id)}/wellbeing`

export const wellbeingApi = {
  instruments: () => api.get<InstrumentSummary[]>(`${V1}/wellbeing/instruments`),
  riskLevels: () => api.get<string[]>(`${V1}/wellbeing/risk-levels`),

  campaigns: () => api.get<Campaign[]>(`${V1}/wellbeing/campaigns`),
  createCampaign: (body: NewCampaign, idempotencyKey?: string) =>
    api.create<Campaign>(`${V1}/wellbeing/campaigns`, body, { idempotencyKey }),
  closeCampaign: (id: string) => api.post<Campaign>(`${V1}/wellbeing/campaigns/${enc(id)}/close`),
  myScreenings: () => api.get<MyScreening[]>(`${V1}/wellbeing/my-screenings`),
  respond: (
    campaignId: string,
    body: { instrument: string; answers: number[]; noticeVersion: number },
    idempotencyKey?: string,
  ) => api.create<Submitted>(`${V1}/wellbeing/campaigns/${enc(campaignId)}/responses`, body, { idempotencyKey }),

  alerts: (open = false) => api.get<Alert[]>(`${V1}/wellbeing/alerts`, { open: open || undefined }),
  acknowledge: (id: string, note?: string) =>
    api.post<Alert>(`${V1}/wellbeing/alerts/${enc(id)}/acknowledge`, { note: note || undefined }),
  overdue: () => api.get<OverdueSummary>(`${V1}/wellbeing/alerts/overdue`),

  plan: (studentId: string) => api.get<Plan>(`${student(studentId)}/plan`),
  savePlan: (studentId: string, body: PlanInput, version?: number | null) =>
    api.put<Plan>(`${student(studentId)}/plan`, body, { ifMatch: version }),
  planHistory: (studentId: string) => api.get<PlanVersion[]>(`${student(studentId)}/plan/history`),
  flag: (studentId: string) => api.get<AttentionFlag>(`${student(studentId)}/flag`),
  myTasks: () => api.get<AssignedTask[]>(`${V1}/wellbeing/my-tasks`),
  caseload: (overdueOnly = false) =>
    api.get<CaseRow[]>(`${V1}/wellbeing/caseload`, { overdueOnly: overdueOnly || undefined }),

  sessions: (studentId: string) => api.get<Session[]>(`${student(studentId)}/sessions`),
  addSession: (
    studentId: string,
    body: { date: string; minutes: number; kind?: string; note?: string },
    idempotencyKey?: string,
  ) => api.create<Session>(`${student(studentId)}/sessions`, body, { idempotencyKey }),
  referrals: (studentId: string) => api.get<Referral[]>(`${student(studentId)}/referrals`),
  addReferral: (
    studentId: string,
    body: { hospital: string; referredOn: string; guardianInformed?: boolean; guardianInformedOn?: string },
    idempotencyKey?: string,
  ) => api.create<Referral>(`${student(studentId)}/referrals`, body, { idempotencyKey }),
  updateReferral: (
    studentId: string,
    id: string,
    body: { outcome?: string; status?: string; guardianInformed?: boolean; guardianInformedOn?: string },
    version?: number,
  ) => api.patch<Referral>(`${student(studentId)}/referrals/${enc(id)}`, body, { ifMatch: version }),

  campaignStats: (id: string) => api.get<CampaignStats>(`${V1}/wellbeing/stats/campaigns/${enc(id)}`),
  trend: () => api.get<TrendPoint[]>(`${V1}/wellbeing/stats/trend`),
  schoolCounts: () => api.get<SchoolCounts>(`${V1}/wellbeing/stats/school`),
  county: () => api.get<CountyWellbeing>(`${V1}/wellbeing/stats/county`),
}
