/**
 * 家校共育 (2/3): 马思远's father on his phone reads the new notice and confirms it, ticks a home task done with a
 * photo (his tick is the family's confirmation), and fills in this week's 五项管理 check-in.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// a small PNG (1×1), standing in for a phone photo
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

export default {
  name: 'parent-family-phone',
  title: '家长（手机）：阅读并确认班级通知 → 家务劳动打卡（附照片）→ 五项管理每周填报',
  viewport: 'phone',
  async run({ app, page, step, assert, state }) {
    await step('sign in as parent_c1a', () => app.login('parent_c1a'))

    await step("the home page lists the unread notice and this week's check-in as to-dos", async () => {
      const todo = await app.visible(page.locator('[data-testid=todo-notices_unread]'), 'the unread-notice to-do')
      assert(/\d+ 条班级通知尚未查看/.test((await todo.textContent()) ?? ''), 'the to-do counts the unread notices')
      await app.see('马思远：本周的五项管理情况尚未填报', '[data-testid=todos]')
      await app.noEnglish()
      await app.shot('home-todos')
    })

    await step('班级通知 shows the new notice, unread', async () => {
      await app.menu('班级通知')
      const card = page
        .locator('[data-testid=notice-cards] article', { hasText: state.noticeTitle ?? '寒假安全告知书回执' })
        .first()
      await app.visible(card, 'the new notice')
      await app.see('未读', card)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert(overflow <= 1, `no sideways scrolling on a phone (page is ${overflow}px wider than the screen)`)
      await app.noEnglish()
      await app.shot('notices')
      await card.click()
    })

    await step('reading it marks it read; confirming signs it', async () => {
      await app.visible(page.locator('[data-testid=notice-body]'), 'the notice text')
      await app.see('已读', '[data-testid=my-receipt]')
      await app.shot('notice')
      await page.locator('[data-testid=confirm-notice]').click()
      await app.see('已确认，谢谢')
      await app.see('已确认', '[data-testid=my-receipt]')
      await app.noEnglish()
      await app.shot('notice-confirmed')
    })

    await step('a home task is ticked done with a photo', async () => {
      await app.menu('家务劳动')
      const task = page.locator('[data-testid=task-list] [data-task=tidy_room]')
      await app.visible(task, 'the task 整理房间与衣柜')
      await app.shot('home-tasks')
      await task.getByRole('button', { name: '打卡' }).click()
      const dialog = page.locator('.el-dialog.tick-dialog')
      await app.visible(dialog, 'the tick dialog')
      const photo = path.join(os.tmpdir(), `zhsz-e2e-${process.pid}.png`)
      fs.writeFileSync(photo, PHOTO)
      await dialog.locator('input[type=file]').setInputFiles(photo)
      await app.visible(dialog.locator('.thumbs img'), 'the photo preview')
      await dialog.locator('textarea').fill('周末把自己的房间和衣柜整理干净了')
      await app.shot('tick')
      await dialog.locator('[data-testid=tick-save]').click()
      await app.see('已打卡，等待班主任审核')
      await app.see('待班主任审核', '[data-testid=completions]')
      await app.noEnglish()
      await app.shot('ticked')
    })

    await step("this week's 五项管理 check-in is filled in", async () => {
      await app.menu('五项管理')
      await app.visible(page.locator('[data-field=bedtime] input'), 'the check-in form')
      await page.locator('[data-field=bedtime] input').fill('22:30')
      await page.locator('[data-field=wakeTime] input').fill('06:30')
      await page.locator('[data-field=homeworkMinutes] input').fill('120')
      await page.locator('[data-field=booksRead] input').fill('1')
      await page.locator('[data-field=exerciseMinutes] input').fill('40')
      await app.shot('check-in')
      await page.locator('[data-testid=five-save]').click()
      await app.see('已提交')
      const result = page.locator('[data-testid=five-evaluation]')
      await app.see('未达标', result.locator('[data-target=homework]'))
      await app.see('达标', result.locator('[data-target=phone]'))
      await app.noEnglish()
      await app.shot('check-in-result')
    })
  },
}
