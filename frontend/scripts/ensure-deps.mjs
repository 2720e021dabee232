// `npm run deps`: install the locked dependencies with `npm ci`, but only when package-lock.json changed
// since the last install here (or node_modules is missing), so repeated Maven builds do not reinstall.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lock = join(root, 'package-lock.json')
const stamp = join(root, 'node_modules', '.zhsz-lock.sha256')

const hash = createHash('sha256').update(readFileSync(lock)).digest('hex')
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : ''

if (installed === hash && existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('frontend dependencies up to date (package-lock.json unchanged)')
  process.exit(0)
}

console.log('installing frontend dependencies: npm ci')
// run the same npm that started this script (npm_execpath), so PATH quirks do not matter
const npmCli = process.env.npm_execpath
const [cmd, args] = npmCli
  ? [process.execPath, [npmCli, 'ci', '--no-audit', '--no-fund', '--prefer-offline']]
  : ['npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline']]
const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: !npmCli && process.platform === 'win32' })
if (result.status !== 0) {
  console.error(`npm ci failed (exit ${result.status ?? result.signal})`)
  process.exit(result.status ?? 1)
}
writeFileSync(stamp, `${hash}\n`)
