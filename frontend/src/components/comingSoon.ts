import type { RouteRecordRaw } from 'vue-router'

/**
 * A placeholder page for a feature whose API is not there yet. `feature` names the i18n block
 * soon.<feature> (what the page will do). Replace the route's component when the feature lands.
 */
export function comingSoonRoute(path: string, name: string, title: string, feature: string, parent = 'home', mobile = false): RouteRecordRaw {
  return {
    path,
    name,
    component: () => import('./ComingSoon.vue'),
    props: { title, feature },
    meta: { title, parent, mobile },
  }
}
