import type { RouteRecordRaw } from 'vue-router'

// 写实记录: teachers record facts with evidence; students report their own for review; head teachers review
export default [
  {
    path: 'records',
    name: 'records',
    component: () => import('./RecordsView.vue'),
    meta: { title: 'menu.recordsList', parent: 'home', mobile: true },
  },
  {
    path: 'records/review',
    name: 'records-review',
    component: () => import('./ReviewQueueView.vue'),
    meta: { title: 'menu.reviewQueue', parent: 'home' },
  },
  {
    path: 'records/coverage',
    name: 'records-coverage',
    component: () => import('./CoverageView.vue'),
    meta: { title: 'menu.recordsCoverage', parent: 'home' },
  },
  {
    path: 'admin/record-categories',
    name: 'record-categories',
    component: () => import('./CategoriesView.vue'),
    meta: { title: 'menu.recordCategories', parent: 'home' },
  },
] satisfies RouteRecordRaw[]
