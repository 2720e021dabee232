import fs from 'node:fs'

/**
 * (e) The school admin downloads 马思远's signed dossier (a PDF of more than 10 KB; the verification code comes in
 * X-Verification-Code), then anyone — a fresh browser, not signed in — opens the public verification page for
 * that code (what the QR code points to) and sees 有效; uploading the PDF there confirms the signature.
 */
export default {
  name: 'admin-dossier-verify',
  title: '学校管理员：下载马思远的档案 PDF → 公开验证页（免登录）显示“有效”',
  async run({ app, page, step, assert, state, config }) {
    await step('sign in as admin_s1 onto 导出中心', () => app.login('admin_s1', '/exports'))

    let file = ''
    await step("downloading 马思远's dossier PDF", async () => {
      await app.see('单人档案')
      const row = page.locator('[data-testid="dossier-row-S1-C1-01"]')
      await app.visible(row, "马思远's row")
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: config.stepTimeout }),
        row.locator('[data-testid=dossier-download]').click(),
      ])
      file = await download.path()
      const bytes = fs.readFileSync(file)
      assert(bytes.subarray(0, 5).toString('latin1') === '%PDF-', 'the download is a PDF')
      assert(bytes.length > 10 * 1024, `the PDF is larger than 10 KB (${bytes.length} bytes)`)
      assert(/\.pdf$/.test(download.suggestedFilename()), `a .pdf file name, got ${download.suggestedFilename()}`)
      const code = (await row.locator('[data-testid=dossier-code] strong').textContent())?.trim()
      assert(code && /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code), `a verification code is shown, got ${code}`)
      state.dossier = { code, bytes: bytes.length }
      await app.shot('dossier-downloaded')
    })

    await step('the public verification page says 有效, without signing in', async () => {
      const fresh = await page.context().browser().newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
      try {
        const p = await fresh.newPage()
        await p.goto(`${config.baseUrl}/verify/${state.dossier.code}`)
        const status = p.locator('[data-testid=verify-status]')
        await status.waitFor({ timeout: config.stepTimeout })
        assert(new URL(p.url()).pathname === `/verify/${state.dossier.code}`, `no sign-in redirect (now at ${p.url()})`)
        assert((await status.getAttribute('data-status')) === 'valid', 'the dossier is valid')
        await p.getByText('有效', { exact: true }).first().waitFor({ timeout: config.stepTimeout })
        await p.getByText('泾源县第一中学').first().waitFor()
        await app.shots.take(p, 'verify-by-code')

        await p.locator('input[type=file]').setInputFiles(file)
        await p.getByRole('button', { name: '核验文件' }).click()
        const check = p.locator('[data-testid=verify-file]')
        await check.waitFor({ timeout: config.stepTimeout })
        await check.getByText('完整有效，覆盖整个文件').waitFor({ timeout: config.stepTimeout })
        await app.shots.take(p, 'verify-by-file')
      } finally {
        await fresh.close()
      }
    })
  },
}
