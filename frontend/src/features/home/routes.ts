import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '', name: 'home', component: () => import('./HomeView.vue'), meta: { title: 'menu.home', mobile: true } },
] satisfies RouteRecordRaw[]
