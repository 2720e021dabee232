import { comingSoonRoute } from '@/components/comingSoon'

// 心理健康: counselor caseload (alerts, 一人一案 cases, screenings); students take screenings
export default [
  comingSoonRoute('wellbeing/alerts', 'wellbeing-alerts', 'menu.wellbeingAlerts', 'wellbeingAlerts'),
  comingSoonRoute('wellbeing/cases', 'wellbeing-cases', 'menu.wellbeingCases', 'wellbeingCases'),
  comingSoonRoute('wellbeing/screenings', 'wellbeing-screenings', 'menu.wellbeingScreenings', 'wellbeingScreenings'),
  comingSoonRoute('wellbeing/my', 'wellbeing-my-screenings', 'menu.myScreenings', 'myScreenings', 'home', true),
]
