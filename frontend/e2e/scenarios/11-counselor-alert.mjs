/**
 * (c, part 2) The counselor sees the alert the screening raised for 杨雨桐 (PHQ-9 item 9 is critical): a red badge
 * in the menu, the alert at the top of the list with its reason; acknowledging it records a note.
 */
export default {
  name: 'counselor-alert',
  title: '心理教师：菜单红色角标 → 预警列表中有杨雨桐 → 确认处理',
  async run({ app, page, step, assert, state }) {
    await step('sign in as counselor_s1 onto 预警', () => app.login('counselor_s1', '/wellbeing/alerts'))
    const table = page.locator('[data-testid=alerts-table]')
    const row = table.locator('tbody tr', { hasText: '杨雨桐' }).first()

    await step('the new alert for 杨雨桐 is listed with its reason', async () => {
      await app.see('预警', '#main-content')
      if (!state.screening?.answered && !(await row.isVisible().catch(() => false))) {
        // a re-run: the alert of an earlier run may be acknowledged already; look among all alerts
        await page.locator('#main-content .el-switch').click()
      }
      await app.visible(row, 'the alert row of 杨雨桐')
      await app.see('关键条目', row)
      await app.shot('alerts')
    })

    if (!state.screening?.answered) return
    await step('the menu shows a red badge for the open alert', async () => {
      const badge = page.locator('[data-testid=badge-wellbeing-alerts] .el-badge__content')
      await app.visible(badge, 'the alerts badge')
      assert(Number((await badge.textContent())?.trim()) >= 1, 'at least one open alert counted')
      await app.see('待处理', row)
    })

    await step('acknowledging it with a note', async () => {
      await row.getByRole('button', { name: '确认处理' }).click()
      const dialog = page.locator('.el-dialog', { hasText: '处理情况' })
      await app.visible(dialog, 'the acknowledge dialog')
      await dialog.locator('#ack-note').fill('已于当天约谈学生并电话联系家长')
      await dialog.getByRole('button', { name: '确认' }).click()
      await app.see('已确认处理')
      await app.shot('acknowledged')
    })
  },
}
