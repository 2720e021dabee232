import type { RouteRecordRaw } from 'vue-router'

// 家校共育: class notices with receipts, home tasks families confirm, 五项管理
export default [
  {
    path: 'notices',
    name: 'notices',
    component: () => import('./NoticesView.vue'),
    meta: { title: 'menu.notices', parent: 'home', mobile: true },
  },
  {
    path: 'notices/:id',
    name: 'notice-detail',
    component: () => import('./NoticeDetailView.vue'),
    meta: { title: 'menu.noticeDetail', parent: 'notices', mobile: true },
  },
  {
    path: 'home-tasks',
    name: 'home-tasks',
    component: () => import('./HomeTasksView.vue'),
    meta: { title: 'menu.homeTasks', parent: 'home', mobile: true },
  },
  {
    path: 'five-management',
    name: 'five-management',
    component: () => import('./FiveView.vue'),
    meta: { title: 'menu.fiveManagement', parent: 'home', mobile: true },
  },
  {
    path: 'five-management/stats',
    name: 'five-management-stats',
    component: () => import('./FiveStatsView.vue'),
    meta: { title: 'menu.fiveStats', parent: 'home' },
  },
  {
    path: 'admin/home-task-checklists',
    name: 'home-task-checklists',
    component: () => import('./ChecklistsView.vue'),
    meta: { title: 'menu.homeTaskChecklists', parent: 'home' },
  },
] satisfies RouteRecordRaw[]
