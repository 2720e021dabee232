import type { RouteRecordRaw } from 'vue-router'

// 健康: vision screening, the daily register with 晨午检, sick-absence follow-ups, the school's day, the county, the family
export default [
  {
    path: 'health/vision',
    name: 'health-vision',
    component: () => import('./VisionGridView.vue'),
    meta: { title: 'health.menu.vision', parent: 'home' },
  },
  {
    path: 'health/vision/stats',
    name: 'health-vision-stats',
    component: () => import('./VisionStatsView.vue'),
    meta: { title: 'health.menu.visionStats', parent: 'home' },
  },
  {
    path: 'health/follow-ups',
    name: 'health-follow-ups',
    component: () => import('./FollowUpsView.vue'),
    meta: { title: 'health.menu.followUps', parent: 'home' },
  },
  {
    path: 'health/register',
    name: 'health-register',
    component: () => import('./AttendanceRegisterView.vue'),
    meta: { title: 'health.menu.register', parent: 'home', mobile: true },
  },
  {
    path: 'health/overview',
    name: 'health-overview',
    component: () => import('./AttendanceOverviewView.vue'),
    meta: { title: 'health.menu.overview', parent: 'home' },
  },
  {
    path: 'health/county',
    name: 'health-county',
    component: () => import('./CountyHealthView.vue'),
    meta: { title: 'health.menu.county', parent: 'home' },
  },
  {
    path: 'health/family',
    name: 'health-family',
    component: () => import('./FamilyHealthView.vue'),
    meta: { title: 'health.menu.family', parent: 'home', mobile: true },
  },
] satisfies RouteRecordRaw[]
