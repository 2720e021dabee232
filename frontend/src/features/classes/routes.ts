import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'classes',
    name: 'my-classes',
    component: () => import('./MyClassesView.vue'),
    meta: { title: 'menu.myClasses', parent: 'home' },
  },
  {
    path: 'classes/:classId',
    name: 'class-roster',
    component: () => import('./ClassRosterView.vue'),
    props: true,
    meta: { title: 'classes.roster', parent: 'my-classes', altParent: 'admin-classes' },
  },
] satisfies RouteRecordRaw[]
