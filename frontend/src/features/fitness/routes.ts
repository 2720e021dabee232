import { comingSoonRoute } from '@/components/comingSoon'

// 体质健康: national fitness standard test entry grid, import and class statistics
export default [
  comingSoonRoute('fitness/entry', 'fitness-entry', 'menu.fitnessEntry', 'fitnessEntry'),
  comingSoonRoute('fitness/stats', 'fitness-stats', 'menu.fitnessStats', 'fitnessStats'),
]
