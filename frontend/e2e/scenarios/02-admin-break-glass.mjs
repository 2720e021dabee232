/**
 * A school admin opens 马思远's mental-health file in an emergency (紧急调阅): the warning dialog, the reason, the
 * acknowledgement; then the active-grant banner, the opening in the student's access log and the grants list.
 * Later scenarios check that the family, the counselor and the auditor see it (state.breakGlass).
 */
export const BREAK_GLASS_REASON = '学生在校内出现自伤迹象，心理教师外出培训无法联系，需立即了解既往评估情况'

export default {
  name: 'admin-break-glass',
  title: '学校管理员：紧急调阅心理档案（警示、理由、通知、访问记录）',
  async run({ app, page, step, assert, state }) {
    await step("sign in as admin_s1 straight onto 马思远's profile", () => app.login('admin_s1', '/students/S1-C1-01'))
    await app.visible(page.locator('h1.page-title', { hasText: '马思远' }), 'the profile heading')

    const dialog = page.locator('.el-dialog.break-glass')
    await step('the break-glass dialog warns before anything happens', async () => {
      await page.locator('[data-testid=break-glass]').click()
      await app.visible(dialog, 'the break-glass dialog')
      await app.see('仅在学生人身安全面临紧急风险', dialog)
      await app.see('心理教师会立即收到通知', dialog)
      const confirm = dialog.locator('[data-testid=bg-confirm]')
      assert(await confirm.isDisabled(), 'the confirm button stays disabled without reason and acknowledgement')
      await dialog.locator('#bg-reason').fill('有急事')
      await dialog.locator('[data-testid=bg-ack]').click()
      assert(await confirm.isDisabled(), 'a reason shorter than 10 characters is not enough')
      await dialog.locator('#bg-reason').fill(BREAK_GLASS_REASON)
      await app.shot('break-glass-dialog')
    })

    await step('confirming grants access for a limited time', async () => {
      await dialog.locator('[data-testid=bg-confirm]').click()
      await app.visible(page.locator('[data-testid=break-glass-active]'), 'the active break-glass banner')
      await app.see('已开通紧急调阅')
      state.breakGlass = { reason: BREAK_GLASS_REASON, by: '王建国' }
      await app.shot('break-glass-granted')
    })

    await step("the opening is in the student's access log", async () => {
      await page.getByRole('tab', { name: '访问记录' }).click()
      await app.see('学校管理员 王建国 紧急调阅了 心理健康档案', '[data-testid=access-log]')
      await app.see(`理由：${BREAK_GLASS_REASON}`, '[data-testid=access-log]')
      await app.shot('profile-access-log')
    })

    await step('紧急调阅记录 lists the active grant', async () => {
      await app.menu('紧急调阅记录')
      await app.see('S1-C1-01', '[data-testid=grants-table]')
      await app.see('有效', '[data-testid=grants-table]')
      await app.shot('grants')
    })
  },
}
