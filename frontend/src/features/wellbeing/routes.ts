import type { RouteRecordRaw } from 'vue-router'

// 心理健康: counselor alerts, 一人一案 cases and screenings; students take screenings; staff see their tasks
export default [
  {
    path: 'wellbeing/alerts',
    name: 'wellbeing-alerts',
    component: () => import('./AlertsView.vue'),
    meta: { title: 'menu.wellbeingAlerts', parent: 'home' },
  },
  {
    path: 'wellbeing/cases',
    name: 'wellbeing-cases',
    component: () => import('./CaseloadView.vue'),
    meta: { title: 'menu.wellbeingCases', parent: 'home' },
  },
  {
    path: 'wellbeing/cases/:studentId',
    name: 'wellbeing-case',
    component: () => import('./CaseView.vue'),
    props: true,
    meta: { title: 'wellbeing.cases.title', parent: 'wellbeing-cases' },
  },
  {
    path: 'wellbeing/screenings',
    name: 'wellbeing-screenings',
    component: () => import('./ScreeningsView.vue'),
    meta: { title: 'menu.wellbeingScreenings', parent: 'home' },
  },
  {
    path: 'wellbeing/my',
    name: 'wellbeing-my-screenings',
    component: () => import('./MyScreeningsView.vue'),
    meta: { title: 'menu.myScreenings', parent: 'home', mobile: true },
  },
  {
    path: 'wellbeing/tasks',
    name: 'wellbeing-my-tasks',
    component: () => import('./MyTasksView.vue'),
    meta: { title: 'menu.wellbeingTasks', parent: 'home' },
  },
  {
    path: 'wellbeing/school',
    name: 'wellbeing-school',
    component: () => import('./SchoolWellbeingView.vue'),
    meta: { title: 'menu.wellbeingSchool', parent: 'home' },
  },
] satisfies RouteRecordRaw[]
