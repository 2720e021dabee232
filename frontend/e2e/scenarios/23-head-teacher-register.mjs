/**
 * (b) The head teacher on a phone registers today's attendance of 七年级(1)班: everyone is present by default, two
 * taps mark a sick absence with fever and cough and a personal leave, saving reports the day; the sick absence is
 * now followed up by the school doctor.
 */
export default {
  name: 'head-teacher-register',
  title: '班主任（手机）：出勤登记，默认全勤，只点缺勤，病假勾选症状',
  viewport: 'phone',
  async run({ app, page, step, assert }) {
    await step('sign in as head_c1 and open the register', async () => {
      await app.login('head_c1')
      await app.menu('出勤登记（晨午检）')
      await app.see('全班 40 人', '[data-testid=register-status]')
      await app.visible(page.locator('[data-testid=tile-S1-C1-10]'), 'a tile per student')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert(overflow <= 1, `no sideways scrolling on a phone (page is ${overflow}px wider than the screen)`)
      await app.noEnglish()
      await app.shot('register')
    })

    async function tick(code) {
      const tag = page.locator(`[data-testid=symptom-${code}]`)
      await app.visible(tag, `the ${code} symptom`)
      if (!((await tag.getAttribute('class')) ?? '').includes('is-checked')) await tag.click()
    }

    await step('a tap marks a sick absence with fever and cough', async () => {
      await page.locator('[data-testid=tile-S1-C1-10]').click()
      await app.visible(page.locator('[data-testid=absence-type]'), 'the absence details')
      await page.locator('[data-testid=type-SICK]').click()
      await tick('FEVER')
      await tick('COUGH')
      await page.locator('input[data-testid=absence-note]').fill('家长来电：发热38.5℃，已就诊')
      await app.shot('sick-absence')
      await page.locator('[data-testid=absence-done]').click()
    })

    await step('another tap marks a personal leave', async () => {
      await page.locator('[data-testid=tile-S1-C1-11]').click()
      await app.visible(page.locator('[data-testid=absence-type]'), 'the absence details')
      await page.locator('[data-testid=type-PERSONAL]').click()
      await page.locator('[data-testid=absence-done]').click()
      await app.see('病假', '[data-testid=tile-S1-C1-10]')
      await app.see('事假', '[data-testid=tile-S1-C1-11]')
    })

    await step('saving registers the day with the exceptions only', async () => {
      const summary = (await page.locator('[data-testid=register-summary]').textContent()) ?? ''
      assert(/缺勤 [1-9]\d* 人/.test(summary), `the summary counts the absences (${summary})`)
      const save = page.locator('[data-testid=register-save]')
      if (await save.isEnabled()) await save.click()
      await app.see('已于', '[data-testid=register-status]')
      await app.see('本班因病缺勤追踪中')
      await app.shot('registered')
    })
  },
}
