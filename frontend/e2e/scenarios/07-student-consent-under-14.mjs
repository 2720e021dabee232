/**
 * A student under 14 tries to agree to a notice: the API refuses (422 guardian_consent_required) and the page says
 * in Chinese that a parent must decide. Nothing is recorded.
 */
export default {
  name: 'student-consent-under-14',
  title: '学生（未满 14 岁）：同意告知书 → 提示须由家长决定',
  viewport: 'phone',
  async run({ app, page, step, assert }) {
    await step('sign in as student_c1a', () => app.login('student_c1a'))
    await app.see('马思远', '#main-content')

    await step('agreeing is refused with a readable message', async () => {
      await app.menu('告知与同意')
      const card = page.locator('article.notice[data-purpose=HEALTH_SPECIAL_CONSTITUTION]')
      await app.see('特异体质与疾病信息告知书', card)
      const agree = card.getByRole('button', { name: '同意', exact: true })
      await app.visible(agree, 'the agree button')
      await agree.click()
      await page.locator('.el-message-box').getByRole('button', { name: '同意' }).click()
      const box = page.locator('.el-message-box').filter({ hasText: '学生未满 14 周岁' })
      await app.visible(box, 'the message that a parent must decide')
      await app.see('这项同意需要由家长（监护人）作出', box)
      await app.shot('guardian-required')
      await box.getByRole('button', { name: '确认' }).click()
      assert(await agree.isVisible(), 'still undecided: the agree button is there')
    })
  },
}
