import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: '403',
    name: 'forbidden',
    component: () => import('./ForbiddenView.vue'),
    meta: { title: 'errors.forbiddenTitle' },
  },
] satisfies RouteRecordRaw[]

export const notFoundRoute: RouteRecordRaw = {
  path: ':pathMatch(.*)*',
  name: 'not-found',
  component: () => import('./NotFoundView.vue'),
  meta: { title: 'errors.notFoundTitle' },
}
