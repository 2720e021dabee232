import type { RouteRecordRaw } from 'vue-router'

// 导出中心: dossier PDFs, ZIP exports and releases (school admin); released dossiers (admissions officer)
export default [
  {
    path: 'exports',
    name: 'exports',
    component: () => import('./ExportsView.vue'),
    meta: { title: 'menu.exports', parent: 'home' },
  },
] satisfies RouteRecordRaw[]
