import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Settings of an e2e run, from the environment (all optional). */
export function loadConfig(env = process.env) {
  const baseUrl = (env.ZHSZ_E2E_BASE_URL || 'http://localhost:8080').replace(/\/+$/, '')
  return {
    /** the running platform (the app serves the web app and the API) */
    baseUrl,
    /** password of the demo users (keycloak/zhsz-realm.json) */
    password: env.ZHSZ_E2E_PASSWORD || 'zhsz-demo',
    /** Debian's Chromium; never a downloaded browser */
    chromium: env.ZHSZ_E2E_CHROMIUM || '/usr/bin/chromium',
    /** screenshots and failure dumps (gitignored) */
    artifacts: path.resolve(env.ZHSZ_E2E_ARTIFACTS || path.join(here, '..', 'artifacts')),
    /** limit for one scenario, ms */
    scenarioTimeout: Number(env.ZHSZ_E2E_SCENARIO_TIMEOUT_MS || 90_000),
    /** limit for one wait (an element to appear, a page to load), ms */
    stepTimeout: Number(env.ZHSZ_E2E_STEP_TIMEOUT_MS || 20_000),
    /** comma-separated scenario names (or parts of names) to run; empty = all */
    only: (env.ZHSZ_E2E_ONLY || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    headed: env.ZHSZ_E2E_HEADED === '1',
    slowMo: Number(env.ZHSZ_E2E_SLOWMO || 0),
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

/** Viewports scenarios ask for by name. */
export const VIEWPORTS = {
  desktop: { viewport: { width: 1366, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
}
