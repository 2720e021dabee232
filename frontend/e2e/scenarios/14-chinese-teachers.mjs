import { walk } from '../lib/chinese.mjs'

/** Pages in Chinese and the daily-use checks of head_c1, pe_c1 (see lib/chinese.mjs). */
export default {
  name: 'chinese-teachers',
  title: '班主任、体育教师：页面全中文，首页待办，批量审核',
  viewport: 'desktop',
  run: (ctx) => walk(['head_c1', 'pe_c1'], ctx),
}
