import { createRouter, createWebHistory, type Router } from 'vue-router'
import { canOpen } from '@/navigation/access'
import type { Grants } from '@/navigation/grants'
import { routes } from './routes'
import { i18n } from '@/i18n'

/** History-mode router; deep links work because the server answers them with index.html (SpaFallbackFilter). */
export function createAppRouter(grants: () => Grants): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })
  router.beforeEach((to) => {
    const name = typeof to.name === 'string' ? to.name : undefined
    if (name && !canOpen(name, grants())) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    return true
  })
  router.afterEach((to) => {
    const title = to.meta.title ? i18n.global.t(to.meta.title) : ''
    document.title = [title, i18n.global.t('app.title')].filter(Boolean).join(' - ')
  })
  return router
}
