/**
 * Every menu entry works for the user it is offered to. For each demo role: sign in, open every entry of the
 * side menu in turn, and fail on any refused request (403), any server error, any request that failed, an error
 * toast or an error box on the page. The menu is built from GET /api/v1/me's permissions, so a 403 here is a
 * page offered to someone the API refuses. Some roles also check what they must not be offered, and that pages
 * they may only read say so in their title (（只读）).
 */
const ROLES = [
  { user: 'student_c1a', title: '学生', viewport: 'phone' },
  { user: 'parent_c1a', title: '家长', viewport: 'phone' },
  // a subject teacher: no fitness statistics (their class answers 403), the fitness grid read-only, no export
  {
    user: 'teacher_c1',
    title: '任课教师',
    absent: ['fitness-stats', 'records-review'],
    readOnly: ['fitness-entry'],
    noButton: { 'fitness-entry': ['fitness-export', 'fitness-import'] },
  },
  { user: 'pe_c1', title: '体育教师', present: ['fitness-entry', 'fitness-stats'], writable: ['fitness-entry'] },
  { user: 'head_c1', title: '班主任', present: ['records-review', 'records-coverage'], readOnly: ['fitness-entry'] },
  {
    user: 'counselor_s1',
    title: '心理教师',
    present: ['wellbeing-alerts', 'wellbeing-cases'],
    absent: ['publicity'],
    readOnly: ['records', 'fitness-entry'],
  },
  {
    user: 'admin_s1',
    title: '学校管理员',
    present: ['admin-students', 'fitness-stats', 'exports'],
    absent: ['my-classes', 'wellbeing-cases'],
    writable: ['fitness-entry'],
  },
  { user: 'bureau', title: '教育局', present: ['county-stats'] },
  { user: 'auditor', title: '审计员', present: ['audit'] },
  { user: 'admissions', title: '招生办', present: ['exports'] },
]

export default ROLES.map((role) => ({
  name: `menus-${role.user}`,
  title: `${role.title}（${role.user}）：逐一打开菜单里的每一项 → 没有 403、没有错误提示`,
  viewport: role.viewport,
  timeout: 300_000, // one page after the other: the school admin has some twenty
  async run({ app, page, step, assert, config }) {
    const refused = []
    page.on('response', (r) => {
      const url = r.url()
      if (!url.startsWith(config.baseUrl) || !new URL(url).pathname.startsWith('/api/')) return
      if (r.status() === 403 || r.status() === 401)
        refused.push(`${r.status()} ${r.request().method()} ${new URL(url).pathname}`)
    })
    page.on('requestfailed', (r) => {
      if (r.url().startsWith(config.baseUrl) && new URL(r.url()).pathname.startsWith('/api/')) {
        refused.push(`failed ${r.request().method()} ${new URL(r.url()).pathname}: ${r.failure()?.errorText}`)
      }
    })

    /** Waits until no API request has been open for 250 ms. */
    await step(`sign in as ${role.user}`, () => app.login(role.user, '/'))

    const menu = () => page.locator(app.phone ? '.menu-drawer .side-menu' : '.aside .side-menu')
    const openDrawer = async () => {
      if (!app.phone) return
      const drawer = page.locator('.menu-drawer .side-menu')
      // the drawer closes after each navigation: let it finish closing, then open it
      await drawer.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {})
      if (!(await drawer.isVisible().catch(() => false))) await page.locator('.topbar .toggle').click()
      await app.visible(drawer, 'the menu drawer')
    }

    await openDrawer()
    const pages = await menu()
      .locator('[data-page]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-page')))
    assert(pages.length > 1, `${role.user} is offered pages besides home: ${pages.join(', ')}`)
    for (const p of role.present ?? [])
      assert(pages.includes(p), `${role.user} is offered ${p} (menu: ${pages.join(', ')})`)
    for (const p of role.absent ?? [])
      assert(!pages.includes(p), `${role.user} is not offered ${p} (menu: ${pages.join(', ')})`)

    for (const name of pages) {
      await step(`open ${name}`, async () => {
        refused.length = 0
        await openDrawer()
        const item = menu().locator(`[data-page="${name}"]`).first()
        if (!(await item.isVisible().catch(() => false))) {
          // in a closed group (one group open at a time): open the group that holds it
          const group = menu()
            .locator('.el-sub-menu')
            .filter({ has: page.locator(`[data-page="${name}"]`) })
            .first()
          await group.locator('> .el-sub-menu__title').click()
        }
        await app.visible(item, `menu entry ${name}`)
        await item.click()
        await app.settled()
        await app.apiIdle() // the page's later requests (a second list, a tab's data) are judged with it
        assert(!new URL(page.url()).pathname.startsWith('/403'), `${name} led to the forbidden page`)
        const toast = await page.locator('.el-message--error').allTextContents()
        assert(toast.length === 0, `${name}: error message shown: ${toast.join(' | ')}`)
        const boxes = await page.locator('#main-content .el-alert--error:visible').allTextContents()
        assert(boxes.length === 0, `${name}: error box on the page: ${boxes.join(' | ').trim()}`)
        assert(refused.length === 0, `${name}: requests refused or failed: ${refused.join('; ')}`)
        const title = (await page.locator('#main-content').first().textContent()) ?? ''
        if ((role.readOnly ?? []).includes(name))
          assert(title.includes('（只读）'), `${name} says it is read-only for ${role.user}`)
        if ((role.writable ?? []).includes(name))
          assert(!title.includes('（只读）'), `${name} is not marked read-only for ${role.user}`)
        for (const testid of role.noButton?.[name] ?? []) {
          assert(
            (await page.locator(`[data-testid="${testid}"]`).count()) === 0,
            `${name} offers ${testid} to ${role.user}`,
          )
        }
        await app.shot(name)
      })
    }
  },
}))
