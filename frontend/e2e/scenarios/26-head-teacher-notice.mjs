/**
 * 家校共育 (1/3): the head teacher of 七年级(1)班 sends a notice asking parents to confirm. Before sending, a text
 * that names a student is caught; the notice then shows in the list with its empty receipts.
 */
export default {
  name: 'head-teacher-notice',
  title: '班主任：发送需家长确认的班级通知 → 点名学生被拦下 → 通知与回执',
  async run({ app, page, step, assert, state }) {
    const title = `寒假安全告知书回执 ${new Date().toISOString().slice(11, 19)}`
    await step('sign in as head_c1 onto 班级通知', () => app.login('head_c1', '/notices'))

    await step('the class notices are listed with read and confirmed counts', async () => {
      await app.see('班级通知')
      await app.visible(page.locator('[data-testid=notice-list] tbody tr').first(), 'the notice list')
      await app.see('期末考试安排及寒假安全提醒', '[data-testid=notice-list]')
      await app.shot('notices')
    })

    const dialog = page.locator('.el-dialog.notice-compose')
    await step('a notice that names a student cannot be sent', async () => {
      await page.locator('[data-testid=compose-notice]').click()
      await app.visible(dialog, 'the compose dialog')
      await app.see('请勿点名学生', dialog)
      await dialog.locator('#nc-title').fill(title)
      await dialog.locator('#nc-body').fill('马思远同学的家长请到校一趟。')
      await app.visible(dialog.locator('[data-testid=nc-named]'), 'the warning about a named student')
      assert(await dialog.locator('[data-testid=nc-send]').isDisabled(), 'sending is blocked while a student is named')
      await app.shot('compose-named')
    })

    await step('a notice to the whole class is sent, asking for a confirmation', async () => {
      await dialog
        .locator('#nc-body')
        .fill(
          '各位家长：寒假即将开始，请认真阅读寒假安全告知书，和孩子一起注意交通、用火用电和防溺水安全。阅读后请点击“确认已阅”。',
        )
      await dialog.locator('[data-testid=nc-confirm]').click()
      await app.shot('compose')
      await dialog.locator('[data-testid=nc-send]').click()
      await app.see('通知已发送')
      await app.visible(page.locator('h1.page-title', { hasText: title }), 'the notice page')
      state.noticeUrl = page.url()
      state.noticeTitle = title
    })

    await step('its receipts list every family of the class, none confirmed yet', async () => {
      const table = page.locator('[data-testid=receipts]')
      await app.visible(table, 'the receipts table')
      await app.see('马海军', table)
      await app.see('0 / 40', '[data-testid=receipt-figures]')
      await app.shot('receipts-empty')
    })
  },
}
