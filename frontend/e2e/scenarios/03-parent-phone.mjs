/** (b) A parent on a phone (390×844) sees the child 马思远, the access log and the consent notices. */
export default {
  name: 'parent-phone',
  title: '家长（手机）：孩子 → 访问记录 → 告知与同意',
  viewport: 'phone',
  async run({ app, page, step, assert, state }) {
    await step('sign in as parent_c1a', () => app.login('parent_c1a'))

    await step('home shows the child', async () => {
      await app.see('我的孩子')
      await app.see('马思远', '#main-content')
      await app.see('七年级(1)班', '#main-content')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert(overflow <= 1, `no sideways scrolling on a phone (page is ${overflow}px wider than the screen)`)
      await app.shot('home')
    })

    await step('the child profile opens', async () => {
      await page.getByRole('button', { name: '查看档案' }).first().click()
      await app.visible(page.locator('h1.page-title', { hasText: '马思远' }), 'the child profile heading')
      await app.shot('child-profile')
    })

    await step('the access log says who read what, in plain words', async () => {
      await app.menu('访问记录')
      await app.see('马思远的健康、心理、档案等敏感信息')
      if (state.breakGlass) {
        await app.see('学校管理员 王建国 紧急调阅了 心理健康档案', '[data-testid=access-log]')
        await app.see(`理由：${state.breakGlass.reason}`, '[data-testid=access-log]')
        // what a mental-health file is, who reads it and why, in plain words
        await page.locator('[data-testid=access-explain] summary').first().click()
        await app.see('只有本校心理教师可以查看', '[data-testid=access-log]')
      } else {
        await app.visible(page.locator('[data-testid=access-log]'), 'the access log')
      }
      await app.shot('access-log')
    })

    await step('the consent notices are readable and the parent can agree', async () => {
      await app.menu('告知与同意')
      const card = page.locator('article.notice[data-purpose=MENTAL_HEALTH_SCREENING]')
      await app.see('心理健康筛查告知书', card)
      await app.shot('consents')
      const agree = card.getByRole('button', { name: '同意', exact: true })
      if (await agree.isVisible()) {
        await agree.click()
        await page.locator('.el-message-box').getByRole('button', { name: '同意' }).click()
        await app.see('已记录您的决定')
      }
      await app.see('马海军 父亲', card)
      await app.shot('consent-granted')
    })
  },
}
