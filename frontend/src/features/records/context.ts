import { recordsApi, type Category, type Dimension } from '@/api/records'
import { useSessionStore } from '@/stores/session'

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
 * The dimensions the signed-in user may record for a class, as the server decides them (by their assignments
 * there: PE → 身心健康, subject → 学业水平, …, all for the head teacher and the school admin); none without the
 * permission to record for the class (no request then).
 */
export async function writableFor(classId: string): Promise<Dimension[]> {
  const session = useSessionStore()
  if (!session.can('records.write', 'class', classId)) return []
  return (await recordsApi.writable(classId)).dimensions
}
