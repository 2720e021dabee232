/**
 * 家校共育 for the school: the admin adds a task to 八年级's home-task checklist, and reads the school's 五项管理
 * table per class and grade (rows resting on fewer than 5 families hidden) and exports it.
 */
export default {
  name: 'admin-family-settings',
  title: '学校管理员：编辑八年级家庭劳动清单 → 五项管理全校统计与导出',
  async run({ app, page, step, assert }) {
    await step('sign in as admin_s1 onto 劳动清单设置', () => app.login('admin_s1', '/admin/home-task-checklists'))

    const task = `帮家里扫院子 ${new Date().toISOString().slice(11, 19)}`
    await step("a task is added to 八年级's checklist and saved", async () => {
      await app.see('家庭劳动清单设置')
      await page.getByRole('tab', { name: '八年级' }).click()
      const pane = page.locator('.el-tab-pane:visible')
      await app.visible(pane.locator('[data-testid=checklist-items] tbody tr').first(), "八年级's tasks")
      const before = await pane.locator('[data-testid=checklist-items] tbody tr').count()
      await pane.getByRole('button', { name: '添加任务' }).click()
      const row = pane.locator('[data-testid=checklist-items] tbody tr').nth(before)
      await row.locator('input').first().fill(task)
      await app.shot('checklist-edit')
      await pane.locator('[data-testid=checklist-save]').click()
      await app.see('已保存')
      await app.see('本校清单', pane)
      assert(
        (await pane.locator('[data-testid=checklist-items] tbody tr').count()) === before + 1,
        'the task is in the saved list',
      )
    })

    await step("the school's 五项管理 table per class and grade", async () => {
      await app.menu('五项管理统计')
      const table = page.locator('[data-testid=five-stats]')
      await app.visible(table.locator('tbody tr').first(), 'the statistics')
      await app.see('七年级(1)班', table)
      await app.see('全校合计', table)
      await app.see('睡眠时间达标', table)
      await app.shot('school-stats')
    })

    await step('the table exports as a spreadsheet', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=five-export]').click(),
      ])
      assert(
        /five-management-S1-.*\.xlsx$/.test(download.suggestedFilename()),
        `an xlsx file, got ${download.suggestedFilename()}`,
      )
    })
  },
}
