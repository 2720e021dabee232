import { reactive, ref, shallowRef } from 'vue'
import type { Page } from '@/api/types'
import { showError } from './apiErrors'

/**
 * The standard list page state: filters, 1-based current page for el-pagination (the API is 0-based),
 * page size, rows, total and loading; `load()` runs the query, `search()` goes back to page 1.
 */
export function usePagedList<T, F extends object>(
  fetch: (query: F & { page: number; size: number }) => Promise<Page<T>>,
  filters: F,
  size = 20,
) {
  const query = reactive({ ...filters }) as F
  const current = ref(1)
  const pageSize = ref(size)
  const rows = shallowRef<T[]>([])
  const total = ref(0)
  const loading = ref(false)
  let seq = 0

  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const page = await fetch({ ...(query as F), page: current.value - 1, size: pageSize.value })
      if (mine !== seq) return // a newer query finished first
      rows.value = page.items
      total.value = page.total
    } catch (e) {
      if (mine === seq) showError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  function search(): Promise<void> {
    current.value = 1
    return load()
  }

  function reset(): Promise<void> {
    Object.assign(query, filters)
    return search()
  }

  return { query, current, pageSize, rows, total, loading, load, search, reset }
}
