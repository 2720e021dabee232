import { computed, onMounted, reactive, ref, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import { classesApi } from '@/api/endpoints'
import type { ClassView } from '@/api/types'
import { errorMessage, showError } from './apiErrors'
import { recentYears } from './format'

/** What the server said about one saved row of a class grid. */
export interface GridRowOutcome {
  studentId: string
  outcome: string
  errors?: { field?: string; message?: string }[]
}

/** One student's row of a class grid: the typed values live in the feature's own fields. */
export interface GridRow<O extends GridRowOutcome = GridRowOutcome> {
  studentId: string
  dirty: boolean
  outcome?: O
}

/** The answer to saving a grid's changed rows at once: counts and each row's outcome. */
export interface GridSaveReport<O extends GridRowOutcome = GridRowOutcome> {
  saved: number
  unchanged: number
  invalid: number
  conflicts: number
  rows: O[]
}

/** A loaded class grid: the school year the server chose (the current one when none was asked for). */
export interface LoadedGrid {
  schoolYear: string
}

export interface ClassGridOptions<G extends LoadedGrid, R extends GridRow> {
  /** The class's grid for a school year (undefined: the current one). */
  fetch: (classId: string, year: string | undefined) => Promise<G>
  /** The grid's rows as the page edits them. */
  toRows: (grid: G) => R[]
  /** Before each load (e.g. to drop pending live work of the old rows). */
  beforeLoad?: () => void
  /** After the rows are in, still while loading (e.g. what else the page shows about the class). */
  afterLoad?: (grid: G, classId: string) => Promise<void> | void
  /** A row the server saved (or found unchanged): take over what it now holds. */
  settle: (row: R, outcome: NonNullable<R['outcome']>) => void
}

/** The tag colour of a row's save outcome. */
export const outcomeType = (o?: string) =>
  o === 'SAVED' ? 'success' : o === 'INVALID' || o === 'CONFLICT' ? 'danger' : 'info'

/** A row refused by the server shows red, a changed one not yet saved yellow. */
export const gridRowClass = ({ row }: { row: GridRow }) =>
  row.outcome?.outcome === 'INVALID' || row.outcome?.outcome === 'CONFLICT' ? 'row-bad' : row.dirty ? 'row-dirty' : ''

/**
 * A class grid typed like a spreadsheet (fitness results, vision screening): the class (kept in the address as
 * `?class=`, the first active class otherwise) and school year chosen above it, one row a student in student-id
 * order, rows marked dirty while typed, and 保存 sending the changed rows at once — each row then shows what
 * happened to it (saved, unchanged, invalid, conflict) and a message sums it up.
 */
export function useClassGrid<G extends LoadedGrid, R extends GridRow>(o: ClassGridOptions<G, R>) {
  const route = useRoute()
  const router = useRouter()
  const classes = ref<ClassView[]>([])
  const classId = ref('')
  const year = ref('')
  const years = ref<string[]>([])
  const grid = ref<G | null>(null) as Ref<G | null>
  const rows = reactive([]) as R[]
  const loading = ref(false)
  const failure = ref<string | null>(null)
  const saving = ref(false)
  const report = ref<GridSaveReport<NonNullable<R['outcome']>> | null>(null) as Ref<GridSaveReport<
    NonNullable<R['outcome']>
  > | null>

  onMounted(async () => {
    try {
      classes.value = (await classesApi.list()).filter((c) => c.active)
      const wanted = typeof route.query.class === 'string' ? route.query.class : ''
      classId.value = classes.value.some((c) => c.id === wanted) ? wanted : (classes.value[0]?.id ?? '')
    } catch (e) {
      showError(e)
    }
  })

  async function load() {
    if (!classId.value) return
    loading.value = true
    failure.value = null
    report.value = null
    o.beforeLoad?.()
    try {
      const g = await o.fetch(classId.value, year.value || undefined)
      grid.value = g
      if (!year.value) years.value = recentYears(g.schoolYear)
      rows.splice(0, rows.length, ...o.toRows(g).sort((a, b) => a.studentId.localeCompare(b.studentId)))
      await o.afterLoad?.(g, classId.value)
    } catch (e) {
      grid.value = null
      rows.splice(0, rows.length)
      failure.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }
  watch([classId, year], () => {
    if (classId.value && route.query.class !== classId.value)
      void router.replace({ query: { ...route.query, class: classId.value } })
    void load()
  })

  const dirtyCount = computed(() => rows.filter((r) => r.dirty).length)

  /** A typed change: the row is unsaved again and its last outcome no longer holds. */
  function touch(row: R) {
    row.dirty = true
    row.outcome = undefined
  }

  /**
   * Sends the changed rows (nothing when none changed) and applies the answer row by row; `message` words the
   * report for the toast.
   */
  async function save(
    send: (changed: R[], grid: G) => Promise<GridSaveReport<NonNullable<R['outcome']>>>,
    message: (report: GridSaveReport<NonNullable<R['outcome']>>) => string,
  ) {
    const g = grid.value
    if (!g) return
    const changed = rows.filter((r) => r.dirty)
    if (!changed.length) return
    saving.value = true
    try {
      const rep = await send(changed, g)
      report.value = rep
      for (const res of rep.rows) {
        const row = rows.find((r) => r.studentId === res.studentId)
        if (!row) continue
        row.outcome = res
        if (res.outcome === 'SAVED' || res.outcome === 'UNCHANGED') o.settle(row, res)
        else if (res.outcome === 'EMPTY') row.dirty = false
      }
      ElMessage({ type: rep.invalid || rep.conflicts ? 'warning' : 'success', message: message(rep) })
    } catch (e) {
      showError(e)
    } finally {
      saving.value = false
    }
  }

  return {
    classes,
    classId,
    year,
    years,
    grid,
    rows,
    loading,
    failure,
    saving,
    report,
    dirtyCount,
    load,
    touch,
    save,
    outcomeType,
    rowClass: gridRowClass,
  }
}
