/**
 * (a) A subject teacher of 七年级(1)班 records a 思想品德 (MORAL) event for 马思远 from the class records page —
 * only the dimensions they may write are offered — and finds it in the student's timeline.
 */
export default {
  name: 'teacher-records-event',
  title: '任课教师：为学生记录一条思想品德写实记录 → 时间线可见',
  async run({ app, page, step, assert, state }) {
    const title = `主动帮助同学整理班级图书角 ${new Date().toISOString().slice(11, 19)}`
    await step('sign in as teacher_c1 onto 写实记录', () => app.login('teacher_c1', '/records'))

    await step('the class overview shows counts per dimension', async () => {
      await app.see('班级写实记录')
      await app.visible(page.locator('[data-testid=records-overview] tbody tr').first(), 'the overview rows')
      await app.see('您可为本班记录：思想品德、学业水平')
      await app.shot('class-overview')
    })

    const dialog = page.locator('.el-dialog.record-form')
    await step("the record dialog offers only the teacher's dimensions", async () => {
      await page.locator('[data-testid="record-S1-C1-01"]').click()
      await app.visible(dialog, 'the record dialog')
      await app.see('为 马思远 记录', dialog)
      await dialog.locator('[data-testid=rf-dimension]').click()
      const options = page.locator('.el-select-dropdown:visible .el-select-dropdown__item')
      await app.visible(options.first(), 'the dimension options')
      const dims = (await options.allTextContents()).map((s) => s.trim())
      assert(
        dims.join(',') === '思想品德,学业水平',
        `a subject teacher may write 思想品德 and 学业水平 only, got ${dims.join(',')}`,
      )
      await options.filter({ hasText: '思想品德' }).click()
      await dialog.locator('[data-testid=rf-category]').click()
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '日常行为表现' }).click()
      await dialog.locator('#rf-title').fill(title)
      await dialog.locator('#rf-description').fill('午休时主动帮助同学把班级图书角的书按类别重新整理。')
      await app.shot('record-dialog')
    })

    await step('saving records it', async () => {
      await dialog.locator('[data-testid=rf-save]').click()
      await app.see('已记录')
      await dialog.waitFor({ state: 'hidden' })
      state.teacherRecordTitle = title
    })

    await step("the record is in 马思远's timeline, under 思想品德", async () => {
      await page.getByRole('link', { name: '马思远' }).first().click()
      await app.visible(page.locator('h1.page-title', { hasText: '马思远' }), 'the profile heading')
      await page.getByRole('tab', { name: '写实记录' }).click()
      const moral = page.locator('[data-testid=record-timeline] section[data-dimension=MORAL]')
      await app.see(title, moral)
      await app.shot('timeline')
    })

    await step('its detail shows who recorded it and the history', async () => {
      await page.locator('[data-testid=timeline-record]', { hasText: title }).click()
      const drawer = page.locator('.el-drawer.record-detail')
      await app.see('李文华', drawer)
      await app.see('创建', drawer.locator('[data-testid=record-history]'))
      await app.shot('record-detail')
    })
  },
}
