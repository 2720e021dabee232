import { comingSoonRoute } from '@/components/comingSoon'

// 写实记录: students record facts with evidence; head teachers review self-reports
export default [
  comingSoonRoute('records', 'records', 'menu.recordsList', 'records', 'home', true),
  comingSoonRoute('records/review', 'records-review', 'menu.reviewQueue', 'review'),
]
