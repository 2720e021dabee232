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

let relogging = false
export function relogin(): void {
  if (!keycloak || relogging) return
  relogging = true
  void keycloak.login({ redirectUri: window.location.href })
}

export function logout(): void {
  if (timer) clearInterval(timer)
  void keycloak?.logout({ redirectUri: `${window.location.origin}/` })
}

export function accountUrl(): string | undefined {
  return keycloak?.createAccountUrl()
}
