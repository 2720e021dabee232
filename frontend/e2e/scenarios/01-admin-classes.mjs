/** (a) A school admin signs in, sees the school's classes, opens 七年级(1)班's roster (40 students) and a profile. */
export default {
  name: 'admin-classes',
  title: '学校管理员：本校班级 → 七年级(1)班名册 → 学生档案',
  async run({ app, page, step, assert, state }) {
    await step('sign in as admin_s1 on the Keycloak page', () => app.login('admin_s1'))

    await step('home shows both classes of the school', async () => {
      await app.see('王建国，您好')
      const links = page.locator('[data-testid=class-link]')
      await app.visible(links.first(), 'class links on the home page')
      const names = (await links.allTextContents()).map((s) => s.trim())
      assert(
        names.includes('七年级(1)班') && names.includes('七年级(2)班'),
        `home lists 七年级(1)班 and 七年级(2)班, got ${names.join(', ')}`,
      )
      await app.shot('home')
    })

    await step('班级管理 lists the same classes', async () => {
      await app.menu('班级管理')
      await app.see('七年级(1)班', '#main-content .el-table')
      await app.see('七年级(2)班', '#main-content .el-table')
      await app.shot('admin-classes')
    })

    await step('七年级(1)班 roster has 40 students', async () => {
      await page.locator('#main-content .el-table').getByRole('link', { name: '七年级(1)班' }).first().click()
      await app.see('七年级(1)班 名册')
      await app.see('共 40 条')
      await app.settled()
      const rows = await page.locator('#main-content .el-table__body-wrapper tbody tr').count()
      assert(rows === 40, `40 rows in the roster, got ${rows}`)
      await app.shot('roster-c1')
    })

    await step('a student profile opens from the roster', async () => {
      await page.getByRole('link', { name: '马思远' }).click()
      await app.visible(page.locator('h1.page-title', { hasText: '马思远' }), 'the profile heading 马思远')
      await app.see('学籍号')
      await app.see('马海军') // the guardian: a school admin may read private data
      await app.shot('profile')
      state.profileUrl = new URL(page.url()).pathname
    })
  },
}
