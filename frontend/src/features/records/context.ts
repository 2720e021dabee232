import { assignmentsApi } from '@/api/endpoints'
import { recordsApi, DIMENSIONS, type Category, type Dimension } from '@/api/records'
import { useSessionStore } from '@/stores/session'
import { writableDimensions } from './recordForm'

/** The school's record categories, fetched once per page load (they change rarely; the editor refreshes them). */
let categories: Promise<Category[]> | null = null

export function loadCategories(refresh = false): Promise<Category[]> {
  if (!categories || refresh) {
    categories = recordsApi.categories().catch((e) => {
      categories = null
      throw e
    })
  }
  return categories
}

/**
 * The dimensions the signed-in staff member may record for a class: all for the school admin and the class's
 * head teacher, otherwise by their assignments there (PE → 身心健康, subject → 学业水平, …, and 思想品德 for all).
 */
export async function writableFor(classId: string): Promise<Dimension[]> {
  const session = useSessionStore()
  if (session.hasRole('school_admin')) return [...DIMENSIONS]
  const username = session.me?.username
  if (!username) return []
  const mine = await assignmentsApi.list({ username, classId })
  return writableDimensions(mine.filter((a) => a.classId === classId).map((a) => a.role))
}
