import fs from 'node:fs'

/**
 * (13) The head teacher of 七年级(1)班 opens the class's login accounts from the roster: 马思远 and his father already
 * have theirs (nothing to choose), the others do not. Choosing one student opens the student's and the guardian's
 * accounts in the real Keycloak and downloads printable account slips (账号卡, a PDF); the table then shows the new
 * usernames. A subject teacher of the same class is offered no such button.
 */
export default {
  name: 'head-teacher-account-cards',
  title: '班主任：在班级名册开通学生及家长账号，下载账号卡（PDF）',
  async run({ app, page, step, assert }) {
    const dialog = page.locator('[data-testid=accounts-dialog]')
    const row = (name) => dialog.locator('.el-table__body tr', { hasText: name })
    let target = ''

    await step('sign in as head_c1 and open the accounts of 七年级(1)班', async () => {
      await app.login('head_c1', '/classes/S1-C1')
      await app.visible(page.locator('[data-testid=roster-accounts]'), 'the account slips button')
      await page.locator('[data-testid=roster-accounts]').click()
      await app.see('已开通', '[data-testid=accounts-summary]')
      await app.see('student_c1a', '[data-testid=account-S1-C1-01]')
      await app.see('parent_c1a', row('马思远'))
      assert(
        (await row('马思远').locator('.el-checkbox.is-disabled').count()) === 1,
        '马思远 (both accounts open) cannot be chosen',
      )
      await app.noEnglish('.el-dialog')
      await app.shot('accounts-dialog')
    })

    await step('choosing one student opens the two accounts and downloads the slips', async () => {
      // every student without an account is chosen at first (39 of 40); the header box clears the choice
      const footer = page.locator('.el-dialog__footer')
      await app.see('已选 39 名学生', footer)
      await dialog.locator('.el-table__header .el-checkbox').click()
      await app.see('已选 0 名学生', footer)
      const last = dialog.locator('.el-table__body tr').last()
      target = ((await last.locator('td').nth(1).textContent()) ?? '').trim()
      assert(target.length > 0, 'the last row names a student')
      await app.see('未开通', last)
      await last.locator('.el-checkbox').click()
      await app.see('已选 1 名学生', footer)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=accounts-make]').click(),
      ])
      const bytes = fs.readFileSync(await download.path())
      assert(bytes.subarray(0, 5).toString('latin1') === '%PDF-', 'the slips are a PDF')
      assert(
        /^账号卡-七年级\(1\)班\.pdf$/.test(download.suggestedFilename()),
        `the file is named for the class, got ${download.suggestedFilename()}`,
      )
      await app.see('初始密码只显示这一次')
    })

    await step('the new accounts are listed for the chosen student and guardian', async () => {
      const chosen = row(target)
      await app.see('已开通 4 个账号', '[data-testid=accounts-summary]')
      const text = (await chosen.textContent()) ?? ''
      assert(!text.includes('未开通'), `${target}'s student and guardian accounts are open (${text})`)
      await app.shot('accounts-opened')
    })

    await step('a subject teacher of the class is offered no account slips', async () => {
      await page.context().clearCookies()
      await app.login('teacher_c1', '/classes/S1-C1')
      await app.see('名册')
      assert(
        (await page.locator('[data-testid=roster-accounts]').count()) === 0,
        'no account slips button for a subject teacher',
      )
    })
  },
}
