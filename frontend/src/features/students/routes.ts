import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: 'students/:id',
    name: 'student-profile',
    component: () => import('./StudentProfileView.vue'),
    props: true,
    meta: { title: 'menu.studentProfile', parent: 'home', mobile: true },
  },
  {
    path: 'me/profile',
    name: 'my-profile',
    component: () => import('./MyProfileView.vue'),
    meta: { title: 'menu.myProfile', parent: 'home', mobile: true },
  },
  {
    path: 'child',
    name: 'child-profile',
    component: () => import('./ChildProfileView.vue'),
    meta: { title: 'menu.childProfile', parent: 'home', mobile: true },
  },
] satisfies RouteRecordRaw[]
