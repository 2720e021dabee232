import { comingSoonRoute } from '@/components/comingSoon'

export default [comingSoonRoute('exports', 'exports', 'menu.exports', 'exports')]
