import { canOpen, type PageName } from './access'

/** One entry of the left menu: a page (route name) or a group of pages. Titles are i18n keys. */
export interface MenuItem {
  key: string
  title: string
  icon?: string
  page?: PageName
  children?: MenuItem[]
  /** shown with a "coming soon" tag */
  comingSoon?: boolean
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
      { key: 'records-list', title: 'menu.recordsList', page: 'records', comingSoon: true },
      { key: 'records-review', title: 'menu.reviewQueue', page: 'records-review', comingSoon: true },
    ],
  },
  {
    key: 'fitness',
    title: 'menu.fitness',
    icon: 'Trophy',
    children: [
      { key: 'fitness-entry', title: 'menu.fitnessEntry', page: 'fitness-entry', comingSoon: true },
      { key: 'fitness-stats', title: 'menu.fitnessStats', page: 'fitness-stats', comingSoon: true },
    ],
  },
  {
    key: 'wellbeing',
    title: 'menu.wellbeing',
    icon: 'FirstAidKit',
    children: [
      { key: 'wellbeing-alerts', title: 'menu.wellbeingAlerts', page: 'wellbeing-alerts', comingSoon: true },
      { key: 'wellbeing-cases', title: 'menu.wellbeingCases', page: 'wellbeing-cases', comingSoon: true },
      { key: 'wellbeing-screenings', title: 'menu.wellbeingScreenings', page: 'wellbeing-screenings', comingSoon: true },
      { key: 'wellbeing-my-screenings', title: 'menu.myScreenings', page: 'wellbeing-my-screenings', comingSoon: true },
    ],
  },
  {
    key: 'archive',
    title: 'menu.archive',
    icon: 'Files',
    children: [
      { key: 'publicity', title: 'menu.publicity', page: 'publicity', comingSoon: true },
      { key: 'archive-signoff', title: 'menu.signoff', page: 'archive-signoff', comingSoon: true },
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
  { key: 'exports', title: 'menu.exports', icon: 'Download', page: 'exports', comingSoon: true },
  { key: 'county-stats', title: 'menu.countyStats', icon: 'DataAnalysis', page: 'county-stats', comingSoon: true },
  { key: 'audit', title: 'menu.audit', icon: 'Document', page: 'audit' },
  { key: 'access-log', title: 'menu.accessLog', icon: 'View', page: 'access-log' },
  { key: 'consents', title: 'menu.consents', icon: 'DocumentChecked', page: 'consents' },
]

/** The menu a user with these realm roles sees: pages they may open, groups only when non-empty. */
export function menuFor(roles: readonly string[], menu: readonly MenuItem[] = MENU): MenuItem[] {
  const out: MenuItem[] = []
  for (const item of menu) {
    if (item.children) {
      const children = menuFor(roles, item.children)
      if (children.length > 0) out.push({ ...item, children })
    } else if (item.page && canOpen(item.page, roles)) {
      out.push(item)
    }
  }
  return out
}

/** Every page the menu can lead to (for tests and the router). */
export function menuPages(menu: readonly MenuItem[] = MENU): PageName[] {
  return menu.flatMap((m) => (m.children ? menuPages(m.children) : m.page ? [m.page] : []))
}
