/**
 * (b) The PE teacher opens 七年级(1)班's fitness grid, changes 马思远's 50 m time and pull-ups: the item scores,
 * the total and the rating follow while typing (live scoring), and saving the class reports the row as saved.
 */
export default {
  name: 'pe-fitness-grid',
  title: '体育教师：体测录入表格，边输入边出分，保存全班',
  async run({ app, page, step, assert, state }) {
    const sid = 'S1-C1-01'
    await step('sign in as pe_c1 onto the fitness grid of 七年级(1)班', () =>
      app.login('pe_c1', '/fitness/entry?class=S1-C1'),
    )

    const run50 = page.locator(`input[data-testid=fi-${sid}-run_50m]`)
    const total = page.locator(`[data-testid=fitness-total-${sid}]`)
    await step("the grid lists the class with the grade's items", async () => {
      await app.see('七年级 · 40 名学生')
      await app.visible(run50, "马思远's 50 m input")
      await app.see('1000米跑(秒)', '[data-testid=fitness-grid]')
      await app.see('女：800米跑(秒)', '[data-testid=fitness-grid]')
      await app.shot('grid')
    })

    let before = ''
    await step('typing a value scores it live', async () => {
      before = (await total.textContent())?.trim() ?? ''
      const current = await run50.inputValue()
      const next = current === '9.6' ? '9.7' : '9.6' // slower than before: a lower score, whatever was stored
      await run50.fill(next)
      await page.locator(`input[data-testid=fi-${sid}-pull_ups]`).fill('10')
      await page.waitForFunction(
        ([sel, old]) => {
          const el = document.querySelector(sel)
          const text = el?.textContent?.trim()
          return !!text && text !== '—' && text !== old
        },
        [`[data-testid=fitness-total-${sid}]`, before],
        { timeout: 10_000 },
      )
      // the two values may have been scored one after the other (the grid waits 350 ms after each keystroke):
      // the total to compare with is the one of both, once the last scoring has answered
      assert(await app.apiIdle(400), 'the live scoring answered')
      const cell = page.locator('td', { has: run50 }).locator('.cell-score')
      await app.visible(cell, 'the live score under the 50 m value')
      assert(/\d+分/.test((await cell.textContent()) ?? ''), 'the 50 m cell shows its points')
      await app.visible(page.locator(`[data-testid=fitness-rating-${sid}]`), 'the live rating')
      state.fitnessTotal = (await total.textContent())?.trim()
      assert(state.fitnessTotal !== before, `the total changed from ${before}`)
      await app.shot('live-score')
    })

    await step('Enter moves down the column and a column pasted from Excel fills it', async () => {
      const ids = await page
        .locator('input[data-testid$=-sit_and_reach]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
      assert(ids.length >= 4, 'sit-and-reach inputs for the rows')
      const first = page.locator(`input[data-testid="${ids[0]}"]`)
      await first.click()
      await page.keyboard.press('Enter')
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
      assert(focused === ids[1], `Enter moved to the next row's cell (${focused})`)
      await page.keyboard.press('ArrowUp')
      assert(
        (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === ids[0],
        'ArrowUp moved back',
      )
      // paste three lines, as Excel puts a copied column on the clipboard (from the second row: 马思远's total stays)
      await page.locator(`input[data-testid="${ids[1]}"]`).evaluate((el) => {
        const dt = new DataTransfer()
        dt.setData('text/plain', '11.1\r\n12.2\r\n13.3\r\n')
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
      })
      for (const [i, v] of ['11.1', '12.2', '13.3'].entries()) {
        const got = await page.locator(`input[data-testid="${ids[i + 1]}"]`).inputValue()
        assert(got === v, `row ${i + 2} got the pasted ${v} (${got})`)
      }
      // the name column stays in view when the grid scrolls sideways
      await page
        .locator('[data-testid=fitness-grid] .el-table__body-wrapper .el-scrollbar__wrap')
        .first()
        .evaluate((el) => el.scrollTo({ left: 2000 }))
      await app.visible(
        page.locator('[data-testid=fitness-grid] .el-table-fixed-column--left', { hasText: '马思远' }).first(),
        'the name fixed on the left',
      )
      await app.shot('pasted-column')
    })

    await step('saving the class reports the row', async () => {
      const save = page.locator('[data-testid=fitness-save]')
      assert(/保存全班（\d+）/.test((await save.textContent()) ?? ''), 'the changed rows to save')
      await save.click()
      await app.visible(page.locator(`[data-testid=fitness-outcome-${sid}]`, { hasText: '已保存' }), 'the row saved')
      await app.see('已保存', '[data-testid=fitness-report]')
      const saved = (await total.textContent())?.trim()
      assert(
        saved === state.fitnessTotal,
        `the saved total is the live one (saved ${saved}, live ${state.fitnessTotal})`,
      )
      await app.shot('saved')
    })
  },
}
