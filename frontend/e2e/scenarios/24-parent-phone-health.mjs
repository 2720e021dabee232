/**
 * (b) A parent on a phone opens 视力与出勤: the child's vision result says in plain words what to do (the demo's
 * 马思远 is advised to see an eye doctor, with why), and this term's attendance with its rate.
 */
export default {
  name: 'parent-phone-health',
  title: '家长（手机）：视力筛查结果与建议、出勤情况',
  viewport: 'phone',
  async run({ app, page, step, assert }) {
    await step('sign in as parent_c1a and open 视力与出勤', async () => {
      await app.login('parent_c1a')
      await app.menu('视力与出勤')
      await app.see('马思远', '#main-content')
    })

    await step('the vision result comes with plain-language advice', async () => {
      await app.see('视力筛查结果', '#main-content')
      await app.visible(
        page.locator('[data-testid=vision-advice]', { hasText: '建议就医' }),
        'the advice to see a doctor',
      )
      await app.see('建议尽快带孩子到正规医疗机构的眼科', '[data-testid=vision-advice-text]')
      await app.see('筛查结果提示可能近视', '#main-content')
      await app.see('视力筛查只是初步检查', '#main-content')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert(overflow <= 1, `no sideways scrolling on a phone (page is ${overflow}px wider than the screen)`)
      await app.noEnglish()
      await app.shot('vision')
    })

    await step('the attendance shows the rate and the absences', async () => {
      await app.see('出勤情况', '#main-content')
      await app.see('出勤率', '[data-testid=attendance-summary]')
      // the demo's 马思远 was off sick one day a week ago, with fever and cough
      await app.see('病假', '[data-testid=attendance-summary]')
      await app.see('发热、咳嗽', '[data-testid=attendance-summary]')
      await app.visible(page.locator('[data-testid=attendance-summary]'), 'the attendance summary')
      await page.locator('[data-testid=attendance-summary]').scrollIntoViewIfNeeded()
      await app.shot('attendance')
    })
  },
}
