import type { RouteRecordRaw } from 'vue-router'
import homeRoutes from '@/features/home/routes'
import classRoutes from '@/features/classes/routes'
import studentRoutes from '@/features/students/routes'
import schoolAdminRoutes from '@/features/school-admin/routes'
import recordRoutes from '@/features/records/routes'
import fitnessRoutes from '@/features/fitness/routes'
import healthRoutes from '@/features/health/routes'
import insightRoutes from '@/features/insight/routes'
import wellbeingRoutes from '@/features/wellbeing/routes'
import archiveRoutes from '@/features/archive/routes'
import exportRoutes from '@/features/exports/routes'
import countyStatsRoutes from '@/features/county-stats/routes'
import auditRoutes from '@/features/audit/routes'
import accessLogRoutes from '@/features/access-log/routes'
import consentRoutes from '@/features/consents/routes'
import familyRoutes from '@/features/family/routes'
import errorRoutes, { notFoundRoute } from '@/features/errors/routes'

/** Pages inside the layout (menu, top bar, breadcrumb); each feature folder contributes its own routes. */
export const pageRoutes: RouteRecordRaw[] = [
  ...homeRoutes,
  ...classRoutes,
  ...studentRoutes,
  ...schoolAdminRoutes,
  ...recordRoutes,
  ...fitnessRoutes,
  ...healthRoutes,
  ...insightRoutes,
  ...wellbeingRoutes,
  ...archiveRoutes,
  ...exportRoutes,
  ...countyStatsRoutes,
  ...auditRoutes,
  ...accessLogRoutes,
  ...consentRoutes,
  ...familyRoutes,
  ...errorRoutes,
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: () => import('@/layout/AppLayout.vue'),
    children: [...pageRoutes, notFoundRoute],
  },
]
