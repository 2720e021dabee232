import { comingSoonRoute } from '@/components/comingSoon'

// 综评档案: publicity board with objections, then signing the term archive
export default [
  comingSoonRoute('archive/publicity', 'publicity', 'menu.publicity', 'publicity', 'home', true),
  comingSoonRoute('archive/signoff', 'archive-signoff', 'menu.signoff', 'signoff', 'home', true),
]
