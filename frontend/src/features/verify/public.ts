import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'

/**
 * Pages anyone may open without signing in (no Keycloak at all): the dossier verification the QR code on a
 * printed dossier points to (http(s)://host/verify/CODE).
 */
export const PUBLIC_PREFIXES = ['/verify']

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))
}

export const publicRoutes: RouteRecordRaw[] = [
  {
    path: '/verify/:code?',
    name: 'verify',
    component: () => import('./PublicVerifyView.vue'),
    meta: { title: 'verify.title' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/verify' },
]

export function createPublicRouter() {
  return createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes: publicRoutes })
}
