#!/usr/bin/env node
// End-to-end tests of the web app against a running platform (real Keycloak login page, real API), driven through
// Debian's Chromium with playwright-core. `npm run e2e [-- name ...]`; settings in lib/config.mjs (ZHSZ_E2E_*).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from './lib/config.mjs'
import { loadScenarios, run, selectScenarios } from './lib/runner.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const config = loadConfig()
const filters = [...config.only, ...process.argv.slice(2)]

try {
  const scenarios = selectScenarios(await loadScenarios(path.join(here, 'scenarios')), filters)
  if (scenarios.length === 0) {
    console.error(`no scenario matches ${filters.join(', ')}`)
    process.exit(2)
  }
  process.exit((await run(scenarios, config)) ? 0 : 1)
} catch (e) {
  console.error(`e2e could not run: ${e.stack ?? e}`)
  process.exit(2)
}
