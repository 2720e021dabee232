/**
 * What a scenario does with the platform, in a user's terms: sign in on the real Keycloak page, open pages,
 * wait for texts, take screenshots. Every wait has the step timeout, and a failed wait names what was awaited.
 */
export class App {
  constructor({ page, config, scenario, shots, pending = new Map() }) {
    this.pending = pending
    this.page = page
    this.config = config
    this.scenario = scenario
    this.shots = shots
  }

  url(path = '/') {
    return this.config.baseUrl + path
  }

  /**
   * Opens `path` signed out, which sends the browser to Keycloak's login page; fills username and password,
   * submits, and waits until the app is back on `path` with its top bar shown.
   */
  async login(username, path = '/') {
    const { page } = this
    await page.goto(this.url(path))
    const user = page.locator('#username')
    await user.waitFor({ timeout: this.config.stepTimeout }).catch((e) => {
      throw new Error(
        `the Keycloak login page did not appear for ${this.url(path)} (now at ${page.url()}): ${e.message}`,
      )
    })
    await user.fill(username)
    await page.locator('#password').fill(this.config.password)
    await this.shot(`login-${username}`)
    await Promise.all([
      page.waitForURL((u) => u.toString().startsWith(this.config.baseUrl), { timeout: this.config.stepTimeout }),
      page.locator('#kc-login, [type=submit]').first().click(),
    ])
    await this.waitForApp()
  }

  /** The app has started (signed in, /api/v1/me loaded): the top bar is there. */
  async waitForApp() {
    await this.page
      .locator('.topbar')
      .waitFor({ timeout: this.config.stepTimeout })
      .catch(async (e) => {
        const alert = await this.page
          .locator('[role=alert]')
          .first()
          .textContent()
          .catch(() => null)
        throw new Error(`the app did not start at ${this.page.url()}${alert ? `: ${alert.trim()}` : ''} (${e.message})`)
      })
  }

  /** Navigates inside the app (full load, like typing the URL or following a shared link). */
  async open(path) {
    await this.page.goto(this.url(path))
    await this.waitForApp()
  }

  /** Waits until `text` is visible (within `scope`, a selector or locator, if given); returns its locator. */
  async see(text, scope) {
    const root = typeof scope === 'string' ? this.page.locator(scope) : (scope ?? this.page)
    const loc = root.getByText(text, { exact: false }).first()
    await loc.waitFor({ state: 'visible', timeout: this.config.stepTimeout }).catch((e) => {
      throw new Error(
        `expected to see "${text}"${scope ? ` in ${typeof scope === 'string' ? scope : 'the given part'}` : ''} on ${this.page.url()} (${e.message.split('\n')[0]})`,
      )
    })
    return loc
  }

  /** Waits for a locator/selector to be visible. */
  async visible(target, what = String(target)) {
    const loc = typeof target === 'string' ? this.page.locator(target).first() : target
    await loc.waitFor({ state: 'visible', timeout: this.config.stepTimeout }).catch((e) => {
      throw new Error(`expected ${what} to be visible on ${this.page.url()} (${e.message.split('\n')[0]})`)
    })
    return loc
  }

  get phone() {
    return (this.page.viewportSize()?.width ?? 1366) < 768
  }

  /** Clicks a side-menu entry by its text: on phones the menu is a drawer opened from the top bar; groups open first. */
  async menu(text) {
    const { page } = this
    if (this.phone) {
      // the drawer closes after each navigation: let it finish closing, then open it
      const drawer = page.locator('.menu-drawer .side-menu')
      await drawer.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {})
      await page.locator('.topbar .toggle').click()
      await this.visible(drawer, 'the menu drawer')
    }
    const menu = page.locator(this.phone ? '.menu-drawer .side-menu' : '.aside .side-menu')
    const item = menu.locator('.el-menu-item', { hasText: text }).first()
    if (!(await item.isVisible().catch(() => false))) {
      // the entry may sit in a closed group (unique-opened: one group at a time)
      const groups = menu.locator('.el-sub-menu')
      for (let i = 0; i < (await groups.count()); i++) {
        const g = groups.nth(i)
        if ((await g.locator('.el-menu-item', { hasText: text }).count()) > 0) {
          await g.locator('> .el-sub-menu__title').click()
          break
        }
      }
    }
    await this.visible(item, `menu entry "${text}"`)
    await item.click()
  }

  /**
   * Waits until the page's timers due within `pauseMs` have run (a debounced call is started by then: the page's
   * own event loop fires timers in order of their due time) and no API request has been open for 250 ms; false when
   * requests were still open after the step timeout.
   */
  async apiIdle(pauseMs = 0) {
    if (pauseMs > 0) await this.page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)), pauseMs)
    const deadline = Date.now() + this.config.stepTimeout
    let quietSince = Date.now()
    while (Date.now() < deadline) {
      const open = [...this.pending.keys()].some((r) => new URL(r.url()).pathname.startsWith('/api/'))
      if (open) quietSince = Date.now()
      else if (Date.now() - quietSince >= 250) return true
      await this.page.waitForTimeout(50)
    }
    return false
  }

  /** Waits until no loading mask is showing in the main area (lists and cards have loaded). */
  async settled() {
    if (this.phone)
      await this.page
        .locator('.menu-drawer .side-menu')
        .waitFor({ state: 'hidden', timeout: 3000 })
        .catch(() => {})
    const ok = await this.page
      .waitForFunction(
        () =>
          ![...document.querySelectorAll('#main-content .el-loading-mask')].some((m) => {
            const st = getComputedStyle(m)
            return (
              st.display !== 'none' &&
              st.visibility !== 'hidden' &&
              Number(st.opacity) > 0.05 &&
              m.getClientRects().length > 0
            )
          }),
        null,
        { timeout: this.config.stepTimeout },
      )
      .then(
        () => true,
        () => false,
      )
    if (!ok) {
      const open = [...this.pending].map(([r, t]) => `${r.method()} ${r.url()} (${Date.now() - t} ms)`).join('; ')
      process.stdout.write(
        `      (still loading after ${this.config.stepTimeout} ms at ${this.page.url()}; open requests: ${open || 'none'})\n`,
      )
    }
  }

  /**
   * Fails when the visible text of the page (menu, top bar and main area) holds an English word: the app is Chinese
   * for Chinese users. Allowed: brand, instrument and file-format names and units ({@link ENGLISH_ALLOWED}); words
   * with digits (ids, codes such as S1-C1-01 or a verification code) are not words.
   */
  async noEnglish(where = 'body') {
    await this.settled()
    const text = await this.page
      .locator(where)
      .first()
      .innerText()
      .catch(() => '')
    // account names and other identifiers are marked translate="no" (e.g. the auditor's "bureau" under 何光明)
    const ids = await this.page
      .locator(where)
      .first()
      .locator('[translate=no]')
      .allInnerTexts()
      .catch(() => [])
    const words = [
      ...new Set(
        (ids.reduce((t, id) => t.split(id).join(' '), text).match(/\b[A-Za-z]{2,}\b/g) ?? []).filter(
          (w) => !ENGLISH_ALLOWED.has(w.toUpperCase()),
        ),
      ),
    ]
    if (words.length) throw new Error(`English words on ${this.page.url()}: ${words.join(', ')}`)
    return text
  }

  /** A full-page screenshot in artifacts/<scenario>/NN-name.png. */
  async shot(name) {
    await this.settled()
    await this.page.waitForTimeout(200) // let fades and popovers finish
    return this.shots.take(this.page, name)
  }
}

/** Words a Chinese page may show: brand and instrument names, file formats, units. */
export const ENGLISH_ALLOWED = new Set([
  'PHQ',
  'GAD',
  'PDF',
  'PNG',
  'JPEG',
  'CSV',
  'XLSX',
  'XLS',
  'EXCEL',
  'WPS',
  'UTF',
  'GBK',
  'KB',
  'MB',
  'QR',
  'KG',
  'CM',
  'ML',
  'BMI',
  'ZHSZ',
])

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`)
}
