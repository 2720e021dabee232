import { createApp, h } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { loadConfig } from './config'
import { currentLocale, i18n } from './i18n'
import { api } from './api'
import { getToken, initAuth, relogin } from './auth/keycloak'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/session'
import { errorMessage } from './composables/apiErrors'
import { isPublicPath } from './features/verify/public'

/**
 * Start-up: read the runtime config, sign in with Keycloak (the app is never shown signed out), wire the
 * API client, load /api/v1/me (it drives the menu), then mount. Public pages (/verify) start without Keycloak.
 */
async function start(): Promise<void> {
  document.documentElement.lang = currentLocale()
  const config = loadConfig()
  if (isPublicPath(window.location.pathname)) {
    // public pages (dossier verification by QR code): no sign-in, no token
    api.configure({ baseUrl: config.apiBase, getLocale: currentLocale })
    await startPublic()
    return
  }
  api.configure({ baseUrl: config.apiBase, getToken, getLocale: currentLocale, onUnauthorized: () => relogin() })
  try {
    await initAuth(config)
  } catch (e) {
    bootFailure(i18n.global.t('app.authFailed'), e)
    return
  }

  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia).use(i18n).use(ElementPlus)
  const session = useSessionStore(pinia)
  try {
    await session.load()
  } catch (e) {
    bootFailure(errorMessage(e), e)
    return
  }
  const router = createAppRouter(() => session.grants)
  app.use(router)
  await router.isReady()
  app.mount('#app')
}

async function startPublic(): Promise<void> {
  const { default: PublicApp } = await import('./features/verify/PublicApp.vue')
  const { createPublicRouter } = await import('./features/verify/public')
  const router = createPublicRouter()
  router.afterEach((to) => {
    const title = to.meta.title ? i18n.global.t(to.meta.title as string) : ''
    document.title = [title, i18n.global.t('app.title')].filter(Boolean).join(' - ')
  })
  const app = createApp(PublicApp).use(i18n).use(ElementPlus).use(router)
  await router.isReady()
  app.mount('#app')
}

function bootFailure(message: string, error: unknown): void {
  console.error(error)
  const t = i18n.global.t
  createApp({
    render: () =>
      h('div', { class: 'boot', role: 'alert' }, [
        h('h1', { class: 'page-title' }, t('app.title')),
        h('p', message),
        h(
          'button',
          { type: 'button', class: 'el-button el-button--primary', onClick: () => location.reload() },
          t('common.retry'),
        ),
      ]),
  }).mount('#app')
}

void start()
