/**
 * Chinese everywhere, and the daily-use pages per role (scenarios 14–16 share this): every page a role works with
 * shows no English word (ids and codes aside), the home page lists the role's to-dos with counts that link to the
 * work, the review queue approves by filter in one go with an outcome per record, a roster with bad rows is reported
 * in Chinese and offered back, admissions read their page's name and schools by name.
 */
export const PAGES = {
  head_c1: [
    '/',
    '/records',
    '/records/review',
    '/archive/signoff',
    '/archive/publicity',
    '/fitness/entry',
    '/wellbeing/tasks',
    '/classes',
    '/notices',
    '/home-tasks',
    '/five-management',
  ],
  pe_c1: ['/', '/fitness/entry', '/fitness/stats'],
  counselor_s1: ['/', '/wellbeing/alerts', '/wellbeing/cases', '/wellbeing/screenings'],
  admin_s1: [
    '/',
    '/admin/students/import',
    '/admin/classes',
    '/records/review',
    '/archive/signoff',
    '/exports',
    '/wellbeing/school',
    '/notices',
    '/admin/home-task-checklists',
    '/five-management/stats',
  ],
  bureau: ['/', '/county/stats', '/health/county', '/five-management/stats'],
  auditor: ['/', '/audit'],
  admissions: ['/', '/exports'],
  student_c1a: [
    '/',
    '/records',
    '/wellbeing/my',
    '/access-log',
    '/consents',
    '/notices',
    '/home-tasks',
    '/five-management',
  ],
}

export async function walk(users, { app, page, step, assert }) {
  for (const [user, paths] of Object.entries(PAGES).filter(([u]) => users.includes(u))) {
    await step(`${user}: pages in Chinese`, async () => {
      await page.context().clearCookies()
      await app.login(user)
      for (const p of paths) {
        await app.open(p)
        await app.noEnglish()
      }
      await app.open('/')
      await app.shot(`home-${user}`)
    })
    if (user === 'head_c1') {
      await step('head teacher: to-dos link to the work; batch approve by filter', async () => {
        const todo = await app.visible(page.locator('[data-testid=todo-records_to_review]'), 'the review to-do')
        const label = (await todo.textContent()) ?? ''
        assert(
          /七年级\(1\)班：\d+ 条学生自述待审核/.test(label),
          `the to-do names the class and the count (${label.trim()})`,
        )
        await app.visible(page.locator('[data-testid=todo-students_with_empty_dimension]'), 'the empty-dimension to-do')
        await todo.click()
        await app.visible(
          page.locator('[data-testid=review-queue] .el-table__body tbody tr').first(),
          'the review queue',
        )
        await app.see('马思远', '[data-testid=review-queue]')
        await page.locator('[data-testid=review-bulk] button').first().click()
        await page.locator('[data-testid=review-approve-selected]').click()
        await app.visible(page.locator('[data-testid=review-outcome]').first(), 'an outcome per record')
        await app.see('已通过', '[data-testid=review-queue]')
        await app.shot('review-batch-approved')
        await app.noEnglish()
      })
    }
    if (user === 'admissions') {
      await step('admissions: the menu says what the page is, and schools by name', async () => {
        await app.see('招生档案查阅', '.aside .side-menu')
        assert(
          (await page.locator('.aside .side-menu').innerText()).indexOf('导出中心') < 0,
          'no 导出中心 for admissions',
        )
      })
    }
    if (user === 'admin_s1') {
      await step('school admin: a roster with bad rows reports them in Chinese and offers them back', async () => {
        await app.open('/admin/students/import')
        await app.visible(page.locator('[data-testid=roster-template]'), 'the template download')
        const csv =
          '学籍号,姓名,性别,出生日期,班级\nX123,张三,男,2013-10-01,七年级(1)班\nG620423201309019999,李四,男,2013-13-45,九年级(9)班\n'
        await page
          .locator('.uploader input[type=file]')
          .setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
        await page.getByRole('button', { name: '开始导入' }).click()
        await app.visible(page.locator('[data-testid=download-rejected]'), 'the rejected-rows download')
        await app.see('学籍号应为')
        await app.see('本校本学期没有这个班级：九年级(9)班')
        await app.shot('roster-rejected')
        await app.noEnglish()
        await app.open('/')
        await app.visible(page.locator('[data-testid=todo-import_rejected_roster]'), 'the import to-do')
      })
    }
  }
}
