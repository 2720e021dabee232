import type { RouteRecordRaw } from 'vue-router'

// 体质健康: national fitness standard test entry grid with live scores, import/export, class and school statistics
export default [
  {
    path: 'fitness/entry',
    name: 'fitness-entry',
    component: () => import('./FitnessEntryView.vue'),
    meta: { title: 'menu.fitnessEntry', parent: 'home' },
  },
  {
    path: 'fitness/stats',
    name: 'fitness-stats',
    component: () => import('./FitnessStatsView.vue'),
    meta: { title: 'menu.fitnessStats', parent: 'home' },
  },
] satisfies RouteRecordRaw[]
