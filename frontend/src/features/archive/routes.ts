import type { RouteRecordRaw } from 'vue-router'

// 综评档案: publicity board with objections; term archives with selection, signatures, lock and amendments
export default [
  {
    path: 'archive/publicity',
    name: 'publicity',
    component: () => import('./PublicityView.vue'),
    meta: { title: 'menu.publicity', parent: 'home', mobile: true },
  },
  {
    path: 'archive/signoff',
    name: 'archive-signoff',
    component: () => import('./ArchiveView.vue'),
    meta: { title: 'menu.signoff', parent: 'home', mobile: true },
  },
] satisfies RouteRecordRaw[]
