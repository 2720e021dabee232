/**
 * Where the app finds Keycloak and the API. Resolution order, first non-empty value wins per key:
 *   1. window.__ZHSZ_CONFIG__  (set by /config.js, which the server derives from its zhsz.security.issuer-uri
 *      and zhsz.web.client-id; a value injected before it, e.g. by a proxy, wins)
 *   2. <meta name="zhsz-config" content='{"keycloakUrl": "..."}'>  (JSON)
 *   3. build-time VITE_KEYCLOAK_URL / VITE_KEYCLOAK_REALM / VITE_KEYCLOAK_CLIENT_ID / VITE_API_BASE
 *   4. defaults for a local run: http://127.0.0.1:8180, realm zhsz, client zhsz-web, same-origin API
 */
export interface RuntimeConfig {
  keycloakUrl: string
  realm: string
  clientId: string
  /** prefix for API calls; "" means same origin (the jar serves both) */
  apiBase: string
}

export const DEFAULT_CONFIG: RuntimeConfig = {
  keycloakUrl: 'http://127.0.0.1:8180',
  realm: 'zhsz',
  clientId: 'zhsz-web',
  apiBase: '',
}

type Partial_ = Partial<Record<keyof RuntimeConfig, unknown>>

function readMeta(doc: Document | undefined): Partial_ {
  const content = doc?.querySelector('meta[name="zhsz-config"]')?.getAttribute('content')
  if (!content) return {}
  try {
    const parsed: unknown = JSON.parse(content)
    return parsed && typeof parsed === 'object' ? (parsed as Partial_) : {}
  } catch {
    console.warn('zhsz-config meta is not valid JSON; ignored')
    return {}
  }
}

function fromEnv(env: Record<string, string | undefined>): Partial_ {
  return {
    keycloakUrl: env.VITE_KEYCLOAK_URL,
    realm: env.VITE_KEYCLOAK_REALM,
    clientId: env.VITE_KEYCLOAK_CLIENT_ID,
    apiBase: env.VITE_API_BASE,
  }
}

/** Pure resolution, exported for tests. */
export function resolveConfig(...sources: Partial_[]): RuntimeConfig {
  const out = { ...DEFAULT_CONFIG }
  for (const key of Object.keys(DEFAULT_CONFIG) as (keyof RuntimeConfig)[]) {
    for (const src of sources) {
      const v = src[key]
      if (typeof v === 'string' && (v.trim() !== '' || key === 'apiBase')) {
        out[key] = v.trim()
        break
      }
    }
  }
  out.keycloakUrl = out.keycloakUrl.replace(/\/+$/, '')
  out.apiBase = out.apiBase.replace(/\/+$/, '')
  return out
}

export function loadConfig(): RuntimeConfig {
  const win = typeof window !== 'undefined' ? window : undefined
  return resolveConfig(
    (win?.__ZHSZ_CONFIG__ ?? {}) as Partial_,
    readMeta(typeof document !== 'undefined' ? document : undefined),
    fromEnv(import.meta.env as unknown as Record<string, string | undefined>),
  )
}
