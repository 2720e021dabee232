/**
 * 家校共育 (3/3): the head teacher sees the father's confirmation in the receipts and reminds the others; approves
 * the family-confirmed home task in the review queue, which adds its hours to 马思远's labour hours; and finds the
 * week's 五项管理 check-ins in the class view, the father's among them.
 */
export default {
  name: 'head-teacher-family-review',
  title: '班主任：回执中看到家长已确认并提醒未读 → 审核家长确认的家务劳动（计入劳动时长）→ 五项管理班级周报',
  async run({ app, page, step, assert, state }) {
    await step('sign in as head_c1 onto the notice', () =>
      app.login('head_c1', state.noticeUrl ? new URL(state.noticeUrl).pathname : '/notices'),
    )

    await step('the receipts show 马海军 confirmed', async () => {
      const row = page.locator('[data-testid=receipts] [data-student=S1-C1-01][data-guardian=马海军]')
      await app.visible(row, "the father's receipt")
      await app.see('已确认', row)
      await app.see('1 / 40', '[data-testid=receipt-figures]')
      await app.shot('receipts')
    })

    await step('one click reminds the families who have not confirmed', async () => {
      await page.locator('[data-testid=remind]').click()
      await page.locator('.el-message-box').getByRole('button', { name: '提醒未读家长' }).click()
      // the county has no SMS channel and most of the demo's other parents no account (the account-cards scenario
      // opens one): those with an account are reminded in the app, the sender is told the others were not reached
      const message = await app.visible(
        page.locator('.el-message__content', { hasText: '开通账号' }).last(),
        "the reminder's outcome",
      )
      const text = ((await message.textContent()) ?? '').trim()
      const none = /(\d+) 位未读家长都没有开通账号/.exec(text)
      const some = /已提醒：站内消息 (\d+) 位家长，短信等外部消息 0 条；另有 (\d+) 位家长未开通账号/.exec(text)
      const total = none ? Number(none[1]) : some ? Number(some[1]) + Number(some[2]) : NaN
      assert(total === 39, `the 39 unread families are reminded in the app or reported unreachable (${text})`)
      assert(await page.locator('[data-testid=remind]').isDisabled(), 'a second reminder waits an hour')
      await app.shot('reminded')
    })

    let before = 0
    const labour = () => page.locator('[data-testid=skills] .el-tag').nth(2)
    await step("马思远's labour hours before the review", async () => {
      await app.open('/students/S1-C1-01')
      await page.getByRole('tab', { name: '写实记录' }).click()
      await app.visible(labour(), 'the labour hours')
      before = Number(/本学期劳动 ([\d.]+)/.exec(await labour().textContent())?.[1] ?? NaN)
      assert(!Number.isNaN(before), 'the labour hours are shown')
    })

    await step('the family-confirmed task waits in the review queue and is approved', async () => {
      await app.open('/records/review')
      const row = page
        .locator('[data-testid=review-queue] tbody tr', { hasText: '整理房间与衣柜' })
        .filter({ has: page.locator('[data-testid=from-family]') })
        .first()
      await app.visible(row, "the home task from 马思远's family")
      await app.see('家长确认', row)
      await app.shot('review-queue')
      await row.getByRole('button', { name: '通过' }).click()
      await app.see('已通过', row)
    })

    await step("its half hour is added to 马思远's labour hours", async () => {
      await app.open('/students/S1-C1-01')
      await page.getByRole('tab', { name: '写实记录' }).click()
      await app.visible(labour(), 'the labour hours')
      const after = Number(/本学期劳动 ([\d.]+)/.exec(await labour().textContent())?.[1] ?? NaN)
      assert(Math.abs(after - before - 0.5) < 1e-9, `labour hours went from ${before} to ${after}, expected +0.5`)
      await app.shot('labour-hours')
    })

    await step("the class's home tasks count the approved tick", async () => {
      await app.menu('家务劳动')
      const table = page.locator('[data-testid=class-home-tasks]')
      await app.visible(table.locator('tbody tr').first(), "the class's home tasks")
      await app.see('马思远', table)
      await app.shot('class-home-tasks')
    })

    await step("the class week of 五项管理 shows the check-ins, 马思远's among them", async () => {
      await app.menu('五项管理')
      const rows = page.locator('[data-testid=class-five-rows]')
      await app.visible(rows.locator('tbody tr').first(), "the week's check-ins")
      await app.see('马思远', rows)
      await app.see('已填报', '[data-testid=class-five-figures]')
      await app.see('睡眠时间达标', '[data-testid=class-five-figures]')
      await app.see('公示书面作业（日均）')
      await app.shot('class-week')
    })
  },
}
