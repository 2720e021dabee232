/**
 * (d) 马思远's father, on his phone, reads 七年级(1)班's publicity board during the demo publicity window and files
 * an objection (by name, with a reason) to a classmate's record; it shows under 我提出的异议 as 处理中.
 */
export default {
  name: 'parent-objection',
  title: '家长（手机）：公示板 → 对同学的记录提出异议 → 我提出的异议',
  viewport: 'phone',
  async run({ app, page, step, assert, state }) {
    await step('sign in as parent_c1a onto 公示与异议', () => app.login('parent_c1a', '/archive/publicity'))

    const card = page.locator('[data-testid=publicity-board] [data-student=S1-C1-07]')
    await step('the board of 七年级(1)班 is open', async () => {
      await app.visible(page.locator('[data-testid=publicity-window]'), 'the publicity window notice')
      await app.see('综评材料公示中', '[data-testid=publicity-window]')
      await app.visible(card, "丁一鸣's entry on the board")
      await app.see('丁一鸣', card)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert(overflow <= 1, `no sideways scrolling on a phone (page is ${overflow}px wider than the screen)`)
      await app.shot('board')
    })

    const reason = `该记录的活动日期与班级活动安排不符，请核实（家长 ${new Date().toISOString().slice(11, 19)}）`
    await step("filing an objection to one of 丁一鸣's records", async () => {
      await card.locator('[data-testid=object-S1-C1-07]').click()
      const dialog = page.locator('.el-dialog.objection-dialog')
      await app.visible(dialog, 'the objection dialog')
      await app.see('实名提出', dialog)
      await dialog.locator('[data-testid=ob-record]').click()
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').first().click()
      await dialog.locator('#ob-reason').fill(reason)
      await app.shot('objection')
      await dialog.locator('[data-testid=objection-send]').click()
      await app.see('异议已提交')
      await dialog.waitFor({ state: 'hidden' })
    })

    await step('it is listed as mine, open', async () => {
      const mine = page.locator('[data-testid=objections]')
      await app.see('我提出的异议')
      const row = mine.locator('tbody tr', { hasText: reason.slice(0, 12) }).first()
      await app.visible(row, 'the objection just filed')
      await app.see('处理中', row)
      await app.see('丁一鸣', row)
      state.objection = { about: '丁一鸣', reason }
      await app.shot('my-objections')
    })
  },
}
