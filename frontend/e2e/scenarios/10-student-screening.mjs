/**
 * (c, part 1) 杨雨桐 (student_c2a) answers the open PHQ-9 follow-up screening on her phone: the notice first, then
 * the nine questions — item 9 answered "有几天" (1), a critical answer — then a calm thank-you without a score.
 */
export default {
  name: 'student-screening',
  title: '学生（手机）：阅读告知书 → 填写 PHQ-9（第 9 题选“有几天”）→ 已提交，谢谢',
  viewport: 'phone',
  async run({ app, page, step, assert, state }) {
    await step('sign in as student_c2a onto 心理测评', () => app.login('student_c2a', '/wellbeing/my'))

    const card = page.locator('[data-testid=screening-demo-screening-followup-phq9]')
    await step('the open screening is listed', async () => {
      await app.see('七年级心理健康复评')
      await app.visible(card, 'the PHQ-9 card')
      // students read a neutral title, never the clinical name of the instrument
      await app.see('心情自评')
      assert(
        !(await page.locator('body').innerText()).includes('患者健康问卷'),
        'no clinical name shown to the student',
      )
      await app.shot('screenings')
    })
    if (await card.getByText('已完成').isVisible()) {
      // answered in an earlier run against the same store: nothing more to do here
      state.screening = { answered: false }
      return
    }

    await step('the notice comes before the questions', async () => {
      await card.getByRole('button', { name: '开始填写' }).click()
      await app.visible(page.locator('[data-testid=screening-notice]'), 'the screening notice')
      await app.see('心理健康筛查告知书')
      await app.shot('notice')
      await page.locator('[data-testid=notice-read]').click()
    })

    await step('all nine questions answered, item 9 with 有几天', async () => {
      await app.see('在过去两个星期里')
      const submit = page.locator('[data-testid=screening-submit]')
      await submit.click() // nothing answered yet: the page names what is missing and sends nothing
      await app.see('还有题目没有作答')
      for (let n = 1; n <= 9; n++) {
        const answer = n === 9 || n === 3 ? '有几天' : '完全不会'
        await page.locator(`[data-testid=question-${n}]`).getByText(answer, { exact: true }).click()
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert(overflow <= 1, `no sideways scrolling on a phone (page is ${overflow}px wider than the screen)`)
      await app.shot('answered')
      await submit.click()
    })

    await step('a calm thank-you, no score, and who to talk to', async () => {
      const thanks = page.locator('[data-testid=screening-thanks]')
      await app.visible(thanks, 'the thank-you')
      await app.see('已提交，谢谢', thanks)
      await app.see('12356', thanks)
      const text = (await thanks.textContent()) ?? ''
      assert(!/分数|总分|得分|\d+\s*分/.test(text), `no score is shown to the student: ${text}`)
      state.screening = { answered: true, student: '杨雨桐' }
      await app.shot('thanks')
    })
  },
}
