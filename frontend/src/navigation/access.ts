import type { Role } from '@/api/types'

/**
 * Which roles may open which page. The menu and the router guard both read this table, so a page is
 * never in someone's menu yet refused by the guard (or the reverse). The API still decides what data
 * each caller sees; this only shapes the UI.
 */
export const ALL_SIGNED_IN = 'all' as const

const STAFF: Role[] = ['teacher', 'head_teacher', 'counselor', 'school_admin']
const SCHOOL_PEOPLE: Role[] = ['student', 'parent', 'teacher', 'head_teacher', 'counselor', 'school_admin']

export const PAGE_ACCESS = {
  home: ALL_SIGNED_IN,
  'my-profile': ['student'],
  'child-profile': ['parent'],
  'my-classes': ['teacher', 'head_teacher', 'counselor'],
  'class-roster': STAFF,
  'student-profile': SCHOOL_PEOPLE,

  // school admin (教务)
  'admin-classes': ['school_admin'],
  'admin-students': ['school_admin'],
  'admin-roster-import': ['school_admin'],
  'admin-staff': ['school_admin'],
  'admin-assignments': ['school_admin'],
  'admin-terms': ['school_admin'],
  'admin-processing-bases': ['school_admin'],
  'admin-grants': ['school_admin'],

  // 写实记录
  records: ['student', 'parent', 'teacher', 'head_teacher', 'school_admin'],
  'records-review': ['head_teacher', 'school_admin'],
  'records-coverage': ['school_admin'],
  'record-categories': ['school_admin'],

  // 体质健康
  'fitness-entry': ['teacher', 'head_teacher', 'school_admin'],
  'fitness-stats': ['teacher', 'head_teacher', 'school_admin'],
  // 心理健康: content for counselors only; others see counts, flags and their own tasks
  'wellbeing-alerts': ['counselor'],
  'wellbeing-cases': ['counselor'],
  'wellbeing-case': ['counselor'],
  'wellbeing-screenings': ['counselor'],
  'wellbeing-my-screenings': ['student'],
  'wellbeing-my-tasks': ['head_teacher', 'teacher'],
  'wellbeing-school': ['school_admin'],
  // 综评档案: the board is open to the class's families and teachers
  publicity: ['student', 'parent', 'teacher', 'head_teacher', 'school_admin'],
  'archive-signoff': ['student', 'parent', 'head_teacher', 'school_admin'],
  exports: ['school_admin', 'admissions_officer'],
  'county-stats': ['bureau_admin'],
  audit: ['auditor'],
  'access-log': ['student', 'parent'],
  consents: ['student', 'parent'],

  // 家校共育
  notices: ['student', 'parent', 'teacher', 'head_teacher', 'school_admin'],
  'notice-detail': ['student', 'parent', 'teacher', 'head_teacher', 'school_admin'],
  'home-tasks': ['student', 'parent', 'head_teacher', 'school_admin'],
  'five-management': ['student', 'parent', 'teacher', 'head_teacher', 'school_admin'],
  'five-management-stats': ['school_admin', 'bureau_admin'],
  'home-task-checklists': ['school_admin'],
} as const satisfies Record<string, readonly Role[] | typeof ALL_SIGNED_IN>

export type PageName = keyof typeof PAGE_ACCESS

export function canOpen(page: string, roles: readonly string[]): boolean {
  const rule = (PAGE_ACCESS as Record<string, readonly string[] | typeof ALL_SIGNED_IN>)[page]
  if (rule === undefined) return true // pages outside the table (403, 404) are open to everyone signed in
  if (rule === ALL_SIGNED_IN) return true
  return rule.some((r) => roles.includes(r))
}
