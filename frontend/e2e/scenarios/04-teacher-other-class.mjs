/** (c) A teacher of 七年级(2)班 follows a link to a 七年级(1)班 student: a readable Chinese message, no crash. */
export default {
  name: 'teacher-other-class',
  title: '任课教师：打开非任教班级学生的链接 → 中文提示，不崩溃',
  async run({ app, page, step, assert }) {
    await step('sign in as teacher_c2 straight onto /students/S1-C1-01', () =>
      app.login('teacher_c2', '/students/S1-C1-01'),
    )

    await step('the page explains, in Chinese, that the student is not theirs to see', async () => {
      const box = await app.visible(page.locator('[data-testid=profile-error]'), 'the not-found message')
      await app.see('找不到该学生，或您无权查看', box)
      await app.see('学生 S1-C1-01 不存在，或不在您的查看范围内', box)
      const text = (await box.textContent()) ?? ''
      assert(!/student S1|not_found|undefined|Error/.test(text), `no raw codes in the message: ${text.trim()}`)
      assert(!(await page.getByText('马思远').count()), 'nothing of the student is shown')
      await app.shot('not-found')
    })

    await step('the app still works: back home to the own classes', async () => {
      await box(page).getByRole('button', { name: '返回首页' }).click()
      await app.see('我的班级（1）')
      await app.see('七年级(2)班', '#main-content')
      await app.shot('home')
    })
  },
}

const box = (page) => page.locator('[data-testid=profile-error]')
