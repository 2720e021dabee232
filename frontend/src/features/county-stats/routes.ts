import { comingSoonRoute } from '@/components/comingSoon'

export default [comingSoonRoute('county/stats', 'county-stats', 'menu.countyStats', 'countyStats')]
