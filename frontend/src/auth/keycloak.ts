import Keycloak from 'keycloak-js'
import type { RuntimeConfig } from '@/config'

/**
 * Keycloak login (authorization code + PKCE S256, public client). The app starts only once the user is
 * signed in (onLoad: login-required); tokens are refreshed before every API call (updateToken(30)) and on a
 * timer, so an idle tab does not come back with an expired session mid-form.
 */
export interface TokenClaims {
  preferred_username?: string
  name?: string
  school_id?: string
  realm_access?: { roles?: string[] }
  exp?: number
}

const REFRESH_INTERVAL_MS = 20_000
const MIN_VALIDITY_S = 30

let keycloak: Keycloak | undefined
let timer: ReturnType<typeof setInterval> | undefined

export async function initAuth(config: RuntimeConfig): Promise<Keycloak> {
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId })
  keycloak.onTokenExpired = () => {
    void refresh()
  }
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    // the session iframe needs third-party cookies, which browsers block; refresh-token expiry tells us instead
    checkLoginIframe: false,
  })
  timer = setInterval(() => void refresh(), REFRESH_INTERVAL_MS)
  return keycloak
}

async function refresh(): Promise<void> {
  if (!keycloak) return
  try {
    await keycloak.updateToken(MIN_VALIDITY_S)
  } catch {
    // refresh token expired or revoked (SSO session ended): sign in again, coming back to this page
    relogin()
  }
}

/** A token valid for at least 30 s; rejects when the session is over. */
export async function getToken(): Promise<string | undefined> {
  if (!keycloak) return undefined
  await keycloak.updateToken(MIN_VALIDITY_S)
  return keycloak.token
}

export function claims(): TokenClaims {
  return (keycloak?.tokenParsed ?? {}) as TokenClaims
}

const RELOGIN_KEY = 'zhsz.relogin-at'
const RELOGIN_PAUSE_MS = 60_000
let relogging = false

/**
 * Sign in again (session over, or the API answered 401), coming back to this page. Guarded against a loop:
 * if Keycloak hands out tokens the API keeps refusing (e.g. a missing audience mapper), redirecting again
 * would bounce forever, so within a minute of the last attempt the caller's error is shown instead.
 * Returns whether a redirect was started.
 */
export function relogin(): boolean {
  if (!keycloak || relogging) return relogging
  const last = Number(safeSession()?.getItem(RELOGIN_KEY) ?? 0)
  if (Date.now() - last < RELOGIN_PAUSE_MS) return false
  safeSession()?.setItem(RELOGIN_KEY, String(Date.now()))
  relogging = true
  void keycloak.login({ redirectUri: window.location.href })
  return true
}

function safeSession(): Storage | undefined {
  try {
    return window.sessionStorage
  } catch {
    return undefined
  }
}

export function logout(): void {
  if (timer) clearInterval(timer)
  void keycloak?.logout({ redirectUri: `${window.location.origin}/` })
}

export function accountUrl(): string | undefined {
  return keycloak?.createAccountUrl()
}
