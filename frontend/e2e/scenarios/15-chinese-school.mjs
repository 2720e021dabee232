import { walk } from '../lib/chinese.mjs'

/** Pages in Chinese and the daily-use checks of counselor_s1, admin_s1 (see lib/chinese.mjs). */
export default {
  name: 'chinese-school',
  title: '心理教师、学校管理员：页面全中文，名册导入报告与未导入的行',
  viewport: 'desktop',
  run: (ctx) => walk(['counselor_s1', 'admin_s1'], ctx),
}
