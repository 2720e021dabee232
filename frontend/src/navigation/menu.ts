import { canOpen, type PageName } from './access'
import type { Grants } from './grants'

/** One entry of the left menu: a page (route name) or a group of pages. Titles are i18n keys. */
export interface MenuItem {
  key: string
  title: string
  icon?: string
  page?: PageName
  children?: MenuItem[]
  /** shown with a "coming soon" tag */
  comingSoon?: boolean
  /**
   * the entry's title for a user holding this permission code, whose page is a different job (admission officers
   * read released dossiers, they export nothing)
   */
  titleFor?: Partial<Record<string, string>>
}

export const MENU: readonly MenuItem[] = [
  { key: 'home', title: 'menu.home', icon: 'HomeFilled', page: 'home' },
  { key: 'my-profile', title: 'menu.myProfile', icon: 'User', page: 'my-profile' },
  { key: 'child-profile', title: 'menu.childProfile', icon: 'User', page: 'child-profile' },
  { key: 'my-classes', title: 'menu.myClasses', icon: 'School', page: 'my-classes' },
  {
    key: 'records',
    title: 'menu.records',
    icon: 'EditPen',
    children: [
      { key: 'records-list', title: 'menu.recordsList', page: 'records' },
      { key: 'records-review', title: 'menu.reviewQueue', page: 'records-review' },
      { key: 'records-coverage', title: 'menu.recordsCoverage', page: 'records-coverage' },
      { key: 'record-categories', title: 'menu.recordCategories', page: 'record-categories' },
    ],
  },
  {
    key: 'fitness',
    title: 'menu.fitness',
    icon: 'Trophy',
    children: [
      { key: 'fitness-entry', title: 'menu.fitnessEntry', page: 'fitness-entry' },
      { key: 'fitness-stats', title: 'menu.fitnessStats', page: 'fitness-stats' },
    ],
  },
  {
    key: 'health',
    title: 'health.menu.group',
    icon: 'FirstAidKit',
    children: [
      { key: 'health-family', title: 'health.menu.family', page: 'health-family' },
      { key: 'health-register', title: 'health.menu.register', page: 'health-register' },
      { key: 'health-vision', title: 'health.menu.vision', page: 'health-vision' },
      { key: 'health-follow-ups', title: 'health.menu.followUps', page: 'health-follow-ups' },
      { key: 'health-overview', title: 'health.menu.overview', page: 'health-overview' },
      { key: 'health-vision-stats', title: 'health.menu.visionStats', page: 'health-vision-stats' },
      { key: 'health-county', title: 'health.menu.county', page: 'health-county' },
    ],
  },
  {
    key: 'insight',
    title: 'insight.menu.group',
    icon: 'DataAnalysis',
    children: [
      { key: 'insight-class-warnings', title: 'insight.menu.classWarnings', page: 'insight-class-warnings' },
      { key: 'insight-school-warnings', title: 'insight.menu.schoolWarnings', page: 'insight-school-warnings' },
      { key: 'insight-county', title: 'insight.menu.county', page: 'insight-county' },
      { key: 'insight-county-report', title: 'insight.menu.report', page: 'insight-county-report' },
    ],
  },
  {
    key: 'wellbeing',
    title: 'menu.wellbeing',
    icon: 'FirstAidKit',
    children: [
      { key: 'wellbeing-alerts', title: 'menu.wellbeingAlerts', page: 'wellbeing-alerts' },
      { key: 'wellbeing-cases', title: 'menu.wellbeingCases', page: 'wellbeing-cases' },
      { key: 'wellbeing-screenings', title: 'menu.wellbeingScreenings', page: 'wellbeing-screenings' },
      { key: 'wellbeing-my-screenings', title: 'menu.myScreenings', page: 'wellbeing-my-screenings' },
      { key: 'wellbeing-my-tasks', title: 'menu.wellbeingTasks', page: 'wellbeing-my-tasks' },
      { key: 'wellbeing-school', title: 'menu.wellbeingSchool', page: 'wellbeing-school' },
    ],
  },
  {
    key: 'family',
    title: 'menu.family',
    icon: 'House',
    children: [
      { key: 'notices', title: 'menu.notices', page: 'notices' },
      { key: 'home-tasks', title: 'menu.homeTasks', page: 'home-tasks' },
      { key: 'five-management', title: 'menu.fiveManagement', page: 'five-management' },
      { key: 'five-management-stats', title: 'menu.fiveStats', page: 'five-management-stats' },
      { key: 'home-task-checklists', title: 'menu.homeTaskChecklists', page: 'home-task-checklists' },
    ],
  },
  {
    key: 'archive',
    title: 'menu.archive',
    icon: 'Files',
    children: [
      { key: 'publicity', title: 'menu.publicity', page: 'publicity' },
      { key: 'archive-signoff', title: 'menu.signoff', page: 'archive-signoff' },
    ],
  },
  {
    key: 'school-admin',
    title: 'menu.schoolAdmin',
    icon: 'Setting',
    children: [
      { key: 'admin-classes', title: 'menu.adminClasses', page: 'admin-classes' },
      { key: 'admin-students', title: 'menu.adminStudents', page: 'admin-students' },
      { key: 'admin-roster-import', title: 'menu.rosterImport', page: 'admin-roster-import' },
      { key: 'admin-staff', title: 'menu.staff', page: 'admin-staff' },
      { key: 'admin-assignments', title: 'menu.assignments', page: 'admin-assignments' },
      { key: 'admin-terms', title: 'menu.terms', page: 'admin-terms' },
      { key: 'admin-processing-bases', title: 'menu.processingBases', page: 'admin-processing-bases' },
      { key: 'admin-grants', title: 'menu.grants', page: 'admin-grants' },
    ],
  },
  {
    key: 'exports',
    title: 'menu.exports',
    icon: 'Download',
    page: 'exports',
    titleFor: { 'exports.admissions': 'menu.admissions' },
  },
  { key: 'county-stats', title: 'menu.countyStats', icon: 'DataAnalysis', page: 'county-stats' },
  { key: 'audit', title: 'menu.audit', icon: 'Document', page: 'audit' },
  { key: 'access-log', title: 'menu.accessLog', icon: 'View', page: 'access-log' },
  { key: 'consents', title: 'menu.consents', icon: 'DocumentChecked', page: 'consents' },
]

/** The menu a user with these permissions sees: pages they may open, groups only when non-empty. */
export function menuFor(grants: Grants, menu: readonly MenuItem[] = MENU): MenuItem[] {
  const out: MenuItem[] = []
  for (const item of menu) {
    if (item.children) {
      const children = menuFor(grants, item.children)
      if (children.length > 0) out.push({ ...item, children })
    } else if (item.page && canOpen(item.page, grants)) {
      const own = Object.entries(item.titleFor ?? {}).find(([code]) => grants.can(code))
      out.push(own ? { ...item, title: own[1] as string } : item)
    }
  }
  return out
}

/** Every page the menu can lead to (for tests and the router). */
export function menuPages(menu: readonly MenuItem[] = MENU): PageName[] {
  return menu.flatMap((m) => (m.children ? menuPages(m.children) : m.page ? [m.page] : []))
}
