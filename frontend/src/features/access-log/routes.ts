import type { RouteRecordRaw } from 'vue-router'

// 访问记录: students and guardians see who read their sensitive data (school admins: on the student profile)
export default [
  {
    path: 'access-log',
    name: 'access-log',
    component: () => import('./AccessLogView.vue'),
    meta: { title: 'menu.accessLog', parent: 'home', mobile: true },
  },
] satisfies RouteRecordRaw[]
