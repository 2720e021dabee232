import type { PermissionScope } from '@/api/types'
import type { Grants } from './grants'

/**
 * Which permission opens which page. The menu, the router guard, the breadcrumbs and notification links all read
 * this table, so a page is never in someone's menu yet refused by the guard (or the reverse); the permissions
 * themselves come from the server (GET /api/v1/me), which decides with the same rules as every request.
 *
 * A rule lists permission codes of which any opens the page (`code@scope` when only one scope counts, e.g. a class's
 * statistics, not a family's own results); `own` restricts student-level codes to the user's own record ('self')
 * or their children ('child'); `unless` hides a page from users who do the same work elsewhere (a school admin
 * manages classes on 班级管理, not on 我的班级).
 */
export const ALL_SIGNED_IN = 'all' as const

export interface PageRule {
  any: readonly string[]
  own?: 'self' | 'child'
  unless?: readonly string[]
}

export const PAGE_ACCESS = {
  home: ALL_SIGNED_IN,
  'my-profile': { any: ['profile.read'], own: 'self' },
  'child-profile': { any: ['profile.read'], own: 'child' },
  'my-classes': { any: ['classes.roster'], unless: ['school.write'] },
  'class-roster': { any: ['classes.roster'] },
  'student-profile': { any: ['classes.roster', 'profile.read'] },

  // school admin (教务)
  'admin-classes': { any: ['school.write'] },
  'admin-students': { any: ['students.write'] },
  'admin-roster-import': { any: ['students.write'] },
  'admin-staff': { any: ['staff.write'] },
  'admin-assignments': { any: ['assignments.write'] },
  'admin-terms': { any: ['school.write'] },
  'admin-processing-bases': { any: ['school.settings'] },
  'admin-grants': { any: ['break-glass'] },

  // 写实记录
  records: { any: ['records.read'] },
  'records-review': { any: ['records.review'] },
  'records-coverage': { any: ['records.coverage.school'] },
  'record-categories': { any: ['school.settings'] },

  // 体质健康
  'fitness-entry': { any: ['fitness.scores.read'] },
  'fitness-stats': { any: ['fitness.read@class', 'fitness.stats.school'] },
  // 健康: vision, the daily register with 晨午检, follow-ups (the school doctor's pages), the county, the family
  'health-vision': { any: ['vision.read@class'] },
  'health-vision-stats': { any: ['health.stats.school'] },
  'health-follow-ups': { any: ['attendance.overview'] },
  'health-register': { any: ['attendance.write'] },
  'health-overview': { any: ['attendance.overview'] },
  'health-county': { any: ['stats.county'] },
  'health-family': { any: ['vision.read@student', 'attendance.read@student'] },
  // 学情预警: the class's and the school's lists by the server's grants; the county's counts for the bureau
  'insight-class-warnings': { any: ['early-warnings.read@class'] },
  'insight-school-warnings': { any: ['early-warnings.school'] },
  'insight-county': { any: ['stats.county'] },
  'insight-county-report': { any: ['reports.county'] },
  // 心理健康: content for counselors only; others see counts, flags and their own tasks
  'wellbeing-alerts': { any: ['wellbeing.casework'] },
  'wellbeing-cases': { any: ['wellbeing.casework'] },
  'wellbeing-case': { any: ['wellbeing.casework'] },
  'wellbeing-screenings': { any: ['wellbeing.casework'] },
  'wellbeing-my-screenings': { any: ['screening.respond'], own: 'self' },
  'wellbeing-my-tasks': { any: ['wellbeing.tasks'] },
  'wellbeing-school': { any: ['wellbeing.stats.school'] },
  // 综评档案: the board is open to the class's families and teachers
  publicity: { any: ['publicity.read'] },
  'archive-signoff': { any: ['archive.sign', 'archive.approve'] },
  exports: { any: ['exports.dossiers', 'exports.admissions'] },
  'county-stats': { any: ['stats.county'] },
  audit: { any: ['audit.read'] },
  'access-log': { any: ['access-log.read'] },
  consents: { any: ['consents.decide'] },

  // 家校共育
  notices: { any: ['notices.read', 'notices.send.school'] },
  'notice-detail': { any: ['notices.read', 'notices.send.school'] },
  'home-tasks': { any: ['home-tasks.read'] },
  'five-management': { any: ['five-management.read', 'homework.write'] },
  'five-management-stats': { any: ['five-management.stats.school', 'stats.county'] },
  'home-task-checklists': { any: ['home-tasks.checklists'] },
} as const satisfies Record<string, PageRule | typeof ALL_SIGNED_IN>

export type PageName = keyof typeof PAGE_ACCESS

export function canOpen(page: string, grants: Grants): boolean {
  const rule = (PAGE_ACCESS as Record<string, PageRule | typeof ALL_SIGNED_IN>)[page]
  if (rule === undefined) return true // pages outside the table (403, 404) are open to everyone signed in
  if (rule === ALL_SIGNED_IN) return true
  if (rule.unless?.some((code) => grants.can(code))) return false
  return rule.any.some((wanted) => {
    const [code, scope] = wanted.split('@') as [string, PermissionScope | undefined]
    if (rule.own === 'self') return !!grants.self && grants.can(code, 'student', grants.self)
    if (rule.own === 'child') return grants.children.some((c) => grants.can(code, 'student', c))
    return grants.can(code, scope)
  })
}
