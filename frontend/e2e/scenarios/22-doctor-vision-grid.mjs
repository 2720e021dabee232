/**
 * (b) The school doctor opens 七年级(1)班's vision grid, records a student who was not screened yet (uncorrected
 * vision and the autorefractor's sphere and cylinder for both eyes), saves the class, and the row shows its
 * category and the advice; the home page's to-dos count the students still to screen and the open follow-ups.
 */
export default {
  name: 'doctor-vision-grid',
  title: '校医：视力筛查录入表格，保存后显示视力等级和建议',
  async run({ app, page, step, assert }) {
    const sid = 'S1-C1-40'
    await step('sign in as doctor_s1: the home page shows the to-dos', async () => {
      await app.login('doctor_s1')
      const unscreened = await app.visible(
        page.locator('[data-testid=todo-vision_not_screened]'),
        'the screening to-do',
      )
      const label = ((await unscreened.textContent()) ?? '').trim()
      assert(/学年还有 \d+ 名学生未做视力筛查/.test(label), `the to-do counts the students still to screen (${label})`)
      await app.visible(page.locator('[data-testid=todo-sick_absence_follow_ups_open]'), 'the follow-up to-do')
      await app.see('待登记复课', '[data-testid=todos]')
      await app.noEnglish()
      await app.shot('doctor-home')
    })

    await step('the grid lists the class with both eyes', async () => {
      await app.menu('视力筛查录入')
      await app.see('七年级(1)班', '#main-content')
      await app.see('已筛查', '[data-testid=vision-grid-info]')
      await app.visible(
        page.locator(`input[data-testid=vi-${sid}-right-uncorrected]`),
        'the right eye of the last student',
      )
      await app.see('右眼', '[data-testid=vision-grid]')
      await app.see('球镜S', '[data-testid=vision-grid]')
      await app.noEnglish()
      await app.shot('grid')
    })

    await step('typing a wrong step is flagged before saving', async () => {
      const sphere = page.locator(`input[data-testid=vi-${sid}-right-sphere]`)
      await sphere.fill('-1.3')
      await app.see('数值格式不对', page.locator('td', { has: sphere }))
      await sphere.fill('-1.50')
    })

    await step('saving the class shows category and advice for the row', async () => {
      const right = page.locator(`input[data-testid=vi-${sid}-right-uncorrected]`)
      const current = await right.inputValue()
      await right.fill(current === '4.7' ? '4.6' : '4.7') // a change whatever was stored
      await page.locator(`input[data-testid=vi-${sid}-right-cylinder]`).fill('-0.50')
      await page.locator(`input[data-testid=vi-${sid}-right-axis]`).fill('180')
      await page.locator(`input[data-testid=vi-${sid}-left-uncorrected]`).fill('5.0')
      await page.locator(`input[data-testid=vi-${sid}-left-sphere]`).fill('+0.25')
      await page.locator('[data-testid=vision-save]').click()
      await app.visible(page.locator(`[data-testid=vision-outcome-${sid}]`, { hasText: '已保存' }), 'the row saved')
      await app.see('已保存 1 行', '[data-testid=vision-report]')
      await app.visible(
        page.locator(`[data-testid=vision-category-${sid}]`, { hasText: '中度' }),
        'the moderate category',
      )
      await app.visible(
        page.locator(`[data-testid=vision-advice-${sid}]`, { hasText: '建议就医' }),
        'the advice to see a doctor',
      )
      await app.shot('saved')
    })

    await step("the doctor's other pages are in Chinese", async () => {
      for (const path of ['/health/vision/stats', '/health/follow-ups', '/health/overview']) {
        await app.open(path)
        await app.noEnglish()
      }
    })
  },
}
