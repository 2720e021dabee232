import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'admin/classes',
    name: 'admin-classes',
    component: () => import('./ClassesAdminView.vue'),
    meta: { title: 'menu.adminClasses', parent: 'home' },
  },
  {
    path: 'admin/students',
    name: 'admin-students',
    component: () => import('./StudentsAdminView.vue'),
    meta: { title: 'menu.adminStudents', parent: 'home' },
  },
  {
    path: 'admin/students/import',
    name: 'admin-roster-import',
    component: () => import('./RosterImportView.vue'),
    meta: { title: 'menu.rosterImport', parent: 'admin-students' },
  },
  {
    path: 'admin/staff',
    name: 'admin-staff',
    component: () => import('./StaffAdminView.vue'),
    meta: { title: 'menu.staff', parent: 'home' },
  },
  {
    path: 'admin/assignments',
    name: 'admin-assignments',
    component: () => import('./AssignmentsAdminView.vue'),
    meta: { title: 'menu.assignments', parent: 'home' },
  },
  {
    path: 'admin/terms',
    name: 'admin-terms',
    component: () => import('./TermsAdminView.vue'),
    meta: { title: 'menu.terms', parent: 'home' },
  },
  {
    path: 'admin/processing-bases',
    name: 'admin-processing-bases',
    component: () => import('./ProcessingBasesView.vue'),
    meta: { title: 'menu.processingBases', parent: 'home' },
  },
  {
    path: 'admin/grants',
    name: 'admin-grants',
    component: () => import('./GrantsView.vue'),
    meta: { title: 'menu.grants', parent: 'home' },
  },
] satisfies RouteRecordRaw[]
