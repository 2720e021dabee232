import type { RouteRecordRaw } from 'vue-router'

// 告知与同意: notices, the family's consent decisions and withdrawals
export default [
  {
    path: 'consents',
    name: 'consents',
    component: () => import('./ConsentsView.vue'),
    meta: { title: 'menu.consents', parent: 'home', mobile: true },
  },
] satisfies RouteRecordRaw[]
