/** The growth portrait (issue 17) on a phone: the parent opens the child's profile, 成长画像: radar and trend. */
export default {
  name: 'parent-phone-portrait',
  title: '家长（手机）：孩子的五育成长画像（雷达图与学期变化）',
  viewport: 'phone',
  async run({ app, page, step, assert }) {
    await step('sign in as parent_c1a and open the child profile', async () => {
      await app.login('parent_c1a')
      await page.getByRole('button', { name: '查看档案' }).first().click()
      await app.visible(page.locator('h1.page-title', { hasText: '马思远' }), 'the child profile heading')
    })

    await step('成长画像: the radar of this term and the term-over-term trend', async () => {
      await page.getByRole('tab', { name: '成长画像' }).click()
      const radar = page.locator('[data-testid=portrait-radar]')
      await app.visible(radar, 'the radar chart')
      await app.visible(radar.locator('canvas, svg').first(), 'the radar drawn')
      const box = await radar.boundingBox()
      assert(box && box.width >= 280 && box.height >= 200, `the radar is readable on a phone (${JSON.stringify(box)})`)
      await app.see('思想品德', '[data-testid=portrait-table]')
      await app.see('劳动', '[data-testid=portrait-table]')
      await app.visible(page.locator('[data-testid=portrait-figures]'), "this term's figures")
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert(overflow <= 1, `no sideways scrolling on a phone (page is ${overflow}px wider than the screen)`)
      await app.noEnglish()
      await app.shot('portrait-radar')
      const trend = page.locator('[data-testid=portrait-trend]')
      await trend.scrollIntoViewIfNeeded()
      await app.visible(trend.locator('canvas, svg').first(), 'the trend drawn')
      await app.shot('portrait-trend')
    })
  },
}
