import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { App, assert } from './app.mjs'
import { CHROMIUM_ARGS, VIEWPORTS } from './config.mjs'

/**
 * A small sequential runner: one Chromium for the run, a fresh browser context (no cookies, no storage) per
 * scenario, scenarios in file-name order. A scenario fails on a thrown error, an uncaught page error, a console
 * error the scenario did not expect, any Content-Security-Policy violation on the app's pages (which no scenario
 * can allow), an app page served without the policy, or an API answer with status 5xx. On failure it leaves a
 * screenshot, the page's HTML and the browser console in the artifacts folder.
 */

/** Loads scenarios/NN-name.mjs in name order; each default-exports { name, title, viewport?, run(ctx) } or a list. */
export async function loadScenarios(dir) {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d+-.+\.mjs$/.test(f))
    .sort()
  const out = []
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(dir, f)).href)
    // a file exports one scenario, or several (e.g. the same walk for each demo role)
    for (const s of Array.isArray(mod.default) ? mod.default : [mod.default]) {
      if (!s || typeof s.run !== 'function' || !s.name) throw new Error(`${f}: default export needs name and run()`)
      out.push({ ...s, file: f })
    }
  }
  const names = out.map((s) => s.name)
  const dup = names.find((n, i) => names.indexOf(n) !== i)
  if (dup) throw new Error(`two scenarios are named ${dup}`)
  return out
}

export function selectScenarios(all, filters) {
  if (!filters.length) return all
  return all.filter((s) => filters.some((f) => s.name.includes(f) || s.file.includes(f)))
}

class Shots {
  constructor(dir) {
    this.dir = dir
    this.n = 0
    this.files = []
    fs.mkdirSync(dir, { recursive: true })
  }

  async take(page, name) {
    const file = path.join(this.dir, `${String(++this.n).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}.png`)
    await page.screenshot({ path: file, fullPage: true })
    this.files.push(file)
    return file
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

function log(line) {
  process.stdout.write(`${line}\n`)
}

async function withTimeout(promise, ms, what) {
  let timer
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${seconds(ms)}`)), ms)
  })
  try {
    return await Promise.race([promise, limit])
  } finally {
    clearTimeout(timer)
  }
}

async function runOne(browser, scenario, config, state) {
  const dir = path.join(config.artifacts, scenario.name)
  fs.rmSync(dir, { recursive: true, force: true })
  const shots = new Shots(dir)
  const context = await browser.newContext({
    ...(VIEWPORTS[scenario.viewport ?? 'desktop'] ?? VIEWPORTS.desktop),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ignoreHTTPSErrors: true,
  })
  context.setDefaultTimeout(config.stepTimeout)
  // Every page of the app reports Content-Security-Policy violations to the console with a marker the runner
  // cannot overlook; a scenario cannot allow them (the app must work under its policy)
  await context.addInitScript((origin) => {
    if (window.location.origin !== origin) return
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI}`)
    })
  }, new URL(config.baseUrl).origin)
  const page = await context.newPage()
  const problems = []
  const consoleLines = []
  const allowed = scenario.allowConsoleErrors ?? []
  const cspViolation = (text) => /^CSP violation:|Content Security Policy/.test(text)
  page.on('pageerror', (e) => problems.push(`uncaught error in the page: ${e.message}`))
  page.on('console', (m) => {
    consoleLines.push(`[${m.type()}] ${m.text()}`)
    const ours = (m.location()?.url ?? page.url()).startsWith(config.baseUrl) || page.url().startsWith(config.baseUrl)
    if (cspViolation(m.text()) && ours) {
      problems.push(`Content-Security-Policy violation: ${m.text()}`)
      return
    }
    // the browser reports every non-2xx resource as a console error; answers are judged below instead
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && !allowed.some((r) => r.test(m.text()))) {
      problems.push(`console error: ${m.text()}`)
    }
    // a warning is a defect too (e.g. Element Plus deprecations): the console of a finished page stays empty
    if (m.type() === 'warning' && !allowed.some((r) => r.test(m.text()))) {
      problems.push(`console warning: ${m.text()}`)
    }
  })
  // the app's pages must be served with the policy (a test that passes without it proves nothing)
  page.on('response', (r) => {
    if (
      r.request().resourceType() === 'document' &&
      r.url().startsWith(config.baseUrl) &&
      !/script-src 'self'/.test(r.headers()['content-security-policy'] ?? '')
    ) {
      problems.push(`no Content-Security-Policy on ${r.url()}`)
    }
  })
  // requests still open when a scenario fails say what the page was waiting for
  const pending = new Map()
  page.on('request', (r) => pending.set(r, Date.now()))
  page.on('requestfinished', (r) => pending.delete(r))
  page.on('requestfailed', (r) => pending.delete(r))
  page.on('response', (r) => {
    if (r.status() >= 500 && r.url().startsWith(config.baseUrl))
      problems.push(`server error ${r.status()} for ${r.request().method()} ${r.url()}`)
  })

  const app = new App({ page, config, scenario, shots, pending })
  const steps = []
  const step = async (name, fn) => {
    const t0 = Date.now()
    log(`    · ${name}`)
    try {
      return await fn()
    } finally {
      steps.push({ name, ms: Date.now() - t0 })
    }
  }
  const started = Date.now()
  let error = null
  try {
    await withTimeout(
      scenario.run({ app, page, step, state, assert, config }),
      scenario.timeout ?? config.scenarioTimeout,
      `scenario ${scenario.name}`,
    )
    if (problems.length) throw new Error(problems.join('\n      '))
  } catch (e) {
    error = e
    const open = [...pending].map(([r, t]) => `${r.method()} ${r.url()} (open for ${seconds(Date.now() - t)})`)
    if (open.length) error = new Error(`${e.message}\n      requests still open: ${open.join('; ')}`, { cause: e })
    await shots.take(page, 'FAILED').catch(() => {})
    fs.writeFileSync(path.join(dir, 'FAILED-page.html'), await page.content().catch(() => ''))
    fs.writeFileSync(path.join(dir, 'FAILED-error.txt'), `${error.stack ?? error}\n\nURL: ${page.url()}\n`)
  } finally {
    fs.writeFileSync(path.join(dir, 'console.log'), consoleLines.join('\n') + '\n')
    await context.close().catch(() => {})
  }
  return { name: scenario.name, ms: Date.now() - started, error, shots: shots.files, steps }
}

/** Runs the scenarios; returns true when all passed. Prints one line per scenario and a closing summary. */
export async function run(scenarios, config) {
  fs.mkdirSync(config.artifacts, { recursive: true })
  if (!fs.existsSync(config.chromium)) {
    throw new Error(`no Chromium at ${config.chromium} (install Debian's chromium package, or set ZHSZ_E2E_CHROMIUM)`)
  }
  log(
    `e2e: ${scenarios.length} scenario(s) against ${config.baseUrl}, Chromium ${config.chromium}, artifacts in ${config.artifacts}`,
  )
  const started = Date.now()
  const browser = await chromium.launch({
    executablePath: config.chromium,
    headless: !config.headed,
    slowMo: config.slowMo,
    args: CHROMIUM_ARGS,
  })
  const results = []
  const state = {} // what earlier scenarios did, for later ones to check (e.g. a break-glass opening)
  try {
    for (const s of scenarios) {
      log(`  ▶ ${s.name}${s.title ? ` — ${s.title}` : ''}`)
      const r = await runOne(browser, s, config, state)
      results.push(r)
      log(
        r.error
          ? `  ✗ ${s.name} (${seconds(r.ms)})\n      ${String(r.error.message ?? r.error)
              .split('\n')
              .join('\n      ')}`
          : `  ✓ ${s.name} (${seconds(r.ms)}, ${r.shots.length} screenshots)`,
      )
    }
  } finally {
    await browser.close().catch(() => {})
  }
  const failed = results.filter((r) => r.error)
  fs.writeFileSync(
    path.join(config.artifacts, 'summary.json'),
    JSON.stringify(
      {
        baseUrl: config.baseUrl,
        ms: Date.now() - started,
        results: results.map((r) => ({
          name: r.name,
          ok: !r.error,
          ms: r.ms,
          error: r.error ? String(r.error.message ?? r.error) : undefined,
          steps: r.steps,
          shots: r.shots.map((f) => path.relative(config.artifacts, f)),
        })),
      },
      null,
      2,
    ),
  )
  log(`e2e finished in ${seconds(Date.now() - started)}`)
  log(`${results.length - failed.length} passed, ${failed.length} failed`)
  return failed.length === 0
}
