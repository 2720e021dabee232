/**
 * The county report (issue 17): the bureau reads every indicator against the plan's target and downloads the
 * report as PDF and as Excel (both answer 200 with their type).
 */
export default {
  name: 'bureau-county-report',
  title: '教育局：县域综合素质报告（对照规划目标），下载 PDF 与 Excel',
  async run({ app, page, step, assert, config }) {
    await step('sign in as bureau onto 县域综合素质报告', async () => {
      await app.login('bureau', '/insight/report')
      await app.see('县域综合素质报告', '#main-content')
    })

    await step('each indicator beside last year and its target, per school', async () => {
      for (const label of ['体质健康优良率', '心理健康筛查覆盖率', '心理转介跟进率', '综评公示完成率', '出勤率'])
        await app.see(label, '#main-content')
      await app.see('泾源县第一中学', '#main-content')
      await app.see('目标', '#main-content')
      await app.noEnglish()
      await app.shot('county-report')
    })

    const fetchFile = async (testid, format, type) => {
      const [response, download] = await Promise.all([
        page.waitForResponse(
          (r) => r.url().includes('/api/v1/reports/county') && r.url().includes(`format=${format}`),
          {
            timeout: config.stepTimeout,
          },
        ),
        page.waitForEvent('download', { timeout: config.stepTimeout }),
        page.locator(`[data-testid=${testid}]`).click(),
      ])
      assert(response.status() === 200, `the ${format} answers 200, got ${response.status()}`)
      const got = response.headers()['content-type'] ?? ''
      assert(got.startsWith(type), `the ${format} comes as ${type}, got ${got}`)
      assert(
        download.suggestedFilename().endsWith(`.${format}`),
        `a .${format} file, got ${download.suggestedFilename()}`,
      )
    }
    await step('the PDF downloads', () => fetchFile('county-report-pdf', 'pdf', 'application/pdf'))
    await step('the Excel sheet downloads', () =>
      fetchFile('county-report-xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    )
  },
}
