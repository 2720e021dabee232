import type { RouteRecordRaw } from 'vue-router'

// 县级统计: the bureau's county dashboard (aggregates only, small cells suppressed)
export default [
  {
    path: 'county/stats',
    name: 'county-stats',
    component: () => import('./CountyDashboardView.vue'),
    meta: { title: 'menu.countyStats', parent: 'home' },
  },
] satisfies RouteRecordRaw[]
