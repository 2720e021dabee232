import { api } from './index'
import type { components } from './schema'

type Schemas = components['schemas']

/**
 * 心理健康 (org.zhsz.wellbeing.WellbeingController). Absent or null figures in statistics are suppressed cells. The
 * shapes are the generated ones (schema.d.ts); the instruments (maps on the server) and plain-string codes are narrowed.
 */
const V1 = '/api/v1'
const enc = encodeURIComponent

export type Localized = Record<string, string>

export type InstrumentSummary = Schemas['WellbeingController.InstrumentSummary']

/** Instrument.publicView: what a student is shown (no scoring rules); a Map on the server, so no generated schema */
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

export type Campaign = Omit<Schemas['Screening.CampaignView'], 'status'> & { status: CampaignStatus }

export type NewCampaign = Schemas['WellbeingController.NewCampaign']

export type MyScreening = Omit<Schemas['Screening.MyScreening'], 'campaign' | 'instruments' | 'notice'> & {
  campaign: Campaign
  instruments: InstrumentView[]
}

export type Submitted = Schemas['Screening.Submitted']

export type Alert = Schemas['Alerts.AlertView']

export type OverdueSummary = Schemas['Alerts.OverdueSummary']

export type PlanTask = Schemas['Plans.TaskView']

export type Responsible = Schemas['Plans.ResponsibleView']

export type FollowUp = Schemas['Plans.FollowUpView']

export type Plan = Omit<Schemas['Plans.PlanView'], 'status'> & { status: 'ACTIVE' | 'CLOSED' }

export type PlanInput = Omit<Schemas['WellbeingController.PlanBody'], 'status'> & { status: 'ACTIVE' | 'CLOSED' }

export type PlanVersion = Omit<Schemas['Plans.PlanVersion'], 'plan'> & { plan: Plan }

export type CaseRow = Schemas['Plans.CaseRow']

export type AssignedTask = Schemas['Plans.AssignedTask']

export type AttentionFlag = Schemas['Plans.Flag']

export type Session = Schemas['Plans.SessionView']

export type Referral = Schemas['Plans.ReferralView']

/** WellbeingStats.Table: cells[row][column], null = suppressed */
export type BandTable = Omit<Schemas['WellbeingStats.Table'], 'cells' | 'rowTotals'> & {
  cells: (number | null)[][]
  rowTotals: (number | null)[]
}

export type CampaignStats = Omit<Schemas['WellbeingStats.CampaignStats'], 'coverage' | 'bandsByGrade'> & {
  coverage: Record<string, number | null>
  bandsByGrade: BandTable[]
}

export type TrendPoint = Omit<Schemas['WellbeingStats.TrendPoint'], 'bandShare'> & {
  bandShare: Record<string, number | null>
}

/** counts under 5 are absent (suppressed) */
export type SchoolCounts = Schemas['WellbeingStats.SchoolCounts']

export type CountyWellbeing = Omit<Schemas['WellbeingStats.CountyStats'], 'campaigns'> & { campaigns: CampaignStats[] }

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
