/**
 * Early warning (issue 17) for the head teacher: the class's list names a handful of students, each with reasons
 * a head teacher acts on, and nothing of the mental-health screening — not in the page, not in the API's answer.
 */
export default {
  name: 'head-teacher-warnings',
  title: '班主任：班级预警名单（少数学生、原因清楚，不含心理筛查内容）',
  async run({ app, page, step, assert }) {
    const answers = []
    page.on('response', async (r) => {
      if (/\/api\/v1\/classes\/[^/]+\/early-warnings/.test(r.url())) answers.push(await r.text().catch(() => ''))
    })
    await step('sign in as head_c1 and open 班级预警', async () => {
      await app.login('head_c1')
      await app.menu('班级预警')
      await app.see('班级学生预警', '#main-content')
    })

    await step('a handful of students with reasons that make sense', async () => {
      const table = page.locator('[data-testid=warning-table]')
      await app.visible(table.locator('tbody tr').first(), 'the warning list')
      const rows = await table.locator('tbody tr').count()
      assert(rows >= 3 && rows <= 8, `a class of 40 lists a handful of students, got ${rows}`)
      await app.see('班级人数 40 人', '#main-content')
      // 马思远: a disciplinary record this term
      await app.see('马思远', table)
      await app.see('本学期有违纪记录', table)
      await app.noEnglish()
      await app.shot('class-warnings')
    })

    await step('no mental-health screening content anywhere', async () => {
      const text = await page.locator('#main-content').innerText()
      for (const word of ['需关注', '心理', '抑郁', '焦虑', 'PHQ', 'GAD', '一人一案'])
        assert(!text.includes(word), `the head teacher's page does not mention ${word}`)
      assert(answers.length > 0, 'the page asked the API for the class warnings')
      for (const a of answers)
        assert(!a.includes('wellbeing') && !a.includes('需关注'), 'the API answer carries no wellbeing reason')
    })
  },
}
