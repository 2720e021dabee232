/** Early warning (issue 17) for the counselor: the same class list carries the wellbeing reason, for them alone. */
export default {
  name: 'counselor-warnings',
  title: '心理教师：班级预警名单里有“需关注”原因（仅心理教师可见）',
  async run({ app, page, step }) {
    await step('sign in as counselor_s1 and open 班级预警 of 七年级(1)班', async () => {
      await app.login('counselor_s1', '/insight/class?class=S1-C1')
      await app.see('班级学生预警', '#main-content')
      await app.see('您是心理教师', '#main-content')
    })

    await step('马思远 carries the wellbeing reason beside the disciplinary record', async () => {
      const table = page.locator('[data-testid=warning-table]')
      await app.visible(table.locator('tbody tr').first(), 'the warning list')
      const row = table.locator('tbody tr', { hasText: '马思远' })
      await app.visible(row, "马思远's row")
      await app.see('需关注（心理教师跟进中）', row)
      await app.see('本学期有违纪记录', row)
      await app.see('高', row)
      await app.noEnglish()
      await app.shot('counselor-warnings')
    })
  },
}
