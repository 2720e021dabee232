/** 家校共育 for the county: the bureau reads the county's 五项管理 figures per school and grade, suppressed where small. */
export default {
  name: 'bureau-five-county',
  title: '教育局：全县五项管理统计（按学校、年级，小样本不公布）',
  async run({ app, page, step }) {
    await step('sign in as bureau onto 五项管理统计', () => app.login('bureau', '/five-management/stats'))
    await step('every school of the county, with the county total', async () => {
      const table = page.locator('[data-testid=five-stats]')
      await app.visible(table.locator('tbody tr').first(), 'the county statistics')
      await app.see('泾源县第一中学', table)
      await app.see('泾源县泾河源镇中心小学', table)
      await app.see('全县合计', table)
      await app.see('少于 5 人')
      await app.shot('county-stats')
    })
  },
}
