/** The school's counselor is told of the break-glass opening by the bell in the top bar, and marks it read. */
export default {
  name: 'counselor-notified',
  title: '心理教师：铃铛通知紧急调阅 → 标为已读',
  async run({ app, page, step, assert, state }) {
    await step('sign in as counselor_s1', () => app.login('counselor_s1'))
    const bell = page.locator('[data-testid=notification-bell]')
    await app.visible(bell, 'the notification bell')
    if (!state.breakGlass) return

    await step('the bell counts the unread notification', async () => {
      await app.visible(bell.locator('.el-badge__content'), 'the unread count')
      const before = Number((await bell.locator('.el-badge__content').textContent())?.trim())
      assert(before >= 1, `at least one unread notification, got ${before}`)
      state.counselorUnread = before
    })

    await step('the notification names the opening and its reason', async () => {
      await bell.click()
      const item = page.locator('[data-testid=notification]', { hasText: state.breakGlass.reason }).first()
      await app.visible(item, 'the break-glass notification')
      await app.see('紧急调阅心理档案', item)
      await app.see('王建国 以紧急调阅方式打开了 马思远 的心理健康档案', item)
      await app.shot('notifications')
      await item.getByRole('button', { name: '标为已读' }).click()
      await page.waitForFunction(
        (n) => {
          const badge = document.querySelector('[data-testid=notification-bell] .el-badge__content')
          const shown = badge && getComputedStyle(badge).display !== 'none' ? Number(badge.textContent) : 0
          return shown === n - 1
        },
        state.counselorUnread,
        { timeout: 10_000 },
      )
      await app.shot('notification-read')
    })
  },
}
