import type { RouteRecordRaw } from 'vue-router'

// 学情预警: a class's and the school's early warnings, the county's counts (the portrait is a tab of the profile)
export default [
  {
    path: 'insight/class',
    name: 'insight-class-warnings',
    component: () => import('./ClassWarningsView.vue'),
    meta: { title: 'insight.menu.classWarnings', parent: 'home', mobile: true },
  },
  {
    path: 'insight/school',
    name: 'insight-school-warnings',
    component: () => import('./SchoolWarningsView.vue'),
    meta: { title: 'insight.menu.schoolWarnings', parent: 'home' },
  },
  {
    path: 'insight/report',
    name: 'insight-county-report',
    component: () => import('./CountyReportView.vue'),
    meta: { title: 'insight.menu.report', parent: 'home' },
  },
  {
    path: 'insight/county',
    name: 'insight-county',
    component: () => import('./CountyWarningsView.vue'),
    meta: { title: 'insight.menu.county', parent: 'home' },
  },
] satisfies RouteRecordRaw[]
