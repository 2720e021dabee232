import { walk } from '../lib/chinese.mjs'

/** Pages in Chinese and the daily-use checks of bureau, auditor, admissions, student_c1a (see lib/chinese.mjs). */
export default {
  name: 'chinese-county',
  title: '教育局、审计员、招生、学生：页面全中文，招生档案查阅',
  viewport: 'desktop',
  run: (ctx) => walk(['bureau', 'auditor', 'admissions', 'student_c1a'], ctx),
}
