import type { RouteRecordRaw } from 'vue-router'

// 审计日志: the county auditor reads the trail and verifies its hash chains
export default [
  {
    path: 'audit',
    name: 'audit',
    component: () => import('./AuditView.vue'),
    meta: { title: 'menu.audit', parent: 'home' },
  },
] satisfies RouteRecordRaw[]
