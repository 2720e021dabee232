import { describe, expect, it, vi } from 'vitest'
import { defineComponent, nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { ApiError } from '@/api/problem'
import { gridRowClass, outcomeType, useClassGrid, type GridRow, type GridSaveReport } from './classGrid'

const messages: unknown[] = []
vi.mock('element-plus', () => ({ ElMessage: Object.assign((m: unknown) => messages.push(m), { error: vi.fn() }) }))

const route = { query: {} as Record<string, string> }
const replaced: unknown[] = []
vi.mock('vue-router', () => ({
  useRoute: () => route,
  useRouter: () => ({ replace: (to: { query: Record<string, string> }) => replaced.push(to) }),
}))
vi.mock('@/api/endpoints', () => ({
  classesApi: {
    list: async () => [
      { id: 'c1', name: '一班', active: true },
      { id: 'c2', name: '二班', active: true },
      { id: 'c0', name: '旧班', active: false },
    ],
  },
}))

interface Row extends GridRow {
  value: string
  version: number
}
interface Grid {
  schoolYear: string
  classId: string
  rows: { studentId: string; value: string }[]
}

function harness(fetch: (classId: string, year: string | undefined) => Promise<Grid>) {
  let api!: ReturnType<typeof useClassGrid<Grid, Row>>
  mount(
    defineComponent({
      setup() {
        api = useClassGrid<Grid, Row>({
          fetch,
          toRows: (g) => g.rows.map((r) => ({ ...r, version: 0, dirty: false })),
          settle: (row) => {
            row.version++
            row.dirty = false
          },
        })
        return () => null
      },
    }),
  )
  return () => api
}

const grid = (classId: string, schoolYear = '2026-2027'): Grid => ({
  classId,
  schoolYear,
  rows: [
    { studentId: 's2', value: 'b' },
    { studentId: 's1', value: 'a' },
  ],
})

describe('useClassGrid', () => {
  it("opens the address's class (else the first active one), loads its rows in student order and offers recent years", async () => {
    route.query = { class: 'c2' }
    const asked: [string, string | undefined][] = []
    const api = harness(async (id, y) => (asked.push([id, y]), grid(id)))
    await flushPromises()
    expect(api().classes.value.map((c) => c.id)).toEqual(['c1', 'c2'])
    expect(asked).toEqual([['c2', undefined]])
    expect(api().rows.map((r) => r.studentId)).toEqual(['s1', 's2'])
    expect(api().years.value).toEqual(['2026-2027', '2025-2026', '2024-2025'])

    route.query = { class: 'gone' }
    replaced.length = 0
    const other = harness(async (id) => grid(id))
    await flushPromises()
    expect(other().classId.value).toBe('c1')
    expect(replaced).toEqual([{ query: { class: 'c1' } }])
  })

  it('says why a grid could not be loaded and shows no rows', async () => {
    route.query = {}
    let fail = false
    const api = harness(async (id) => {
      if (fail) throw new ApiError({ status: 403, detail: '无权查看' })
      return grid(id)
    })
    await flushPromises()
    expect(api().rows).toHaveLength(2)
    fail = true
    api().classId.value = 'c2'
    await nextTick()
    await flushPromises()
    expect(api().failure.value).toBe('无权查看')
    expect(api().rows).toHaveLength(0)
    expect(api().grid.value).toBeNull()
  })

  it('sends only the changed rows and shows each outcome; a refused row stays unsaved', async () => {
    route.query = {}
    const api = harness(async (id) => grid(id))
    await flushPromises()
    const [s1, s2] = api().rows
    expect(api().dirtyCount.value).toBe(0)
    api().touch(s1)
    api().touch(s2)
    expect(api().dirtyCount.value).toBe(2)
    expect(gridRowClass({ row: s1 })).toBe('row-dirty')

    const sent: string[][] = []
    const report: GridSaveReport = {
      saved: 1,
      unchanged: 0,
      invalid: 1,
      conflicts: 0,
      rows: [
        { studentId: 's1', outcome: 'SAVED' },
        { studentId: 's2', outcome: 'INVALID', errors: [{ field: 'value', message: '超出范围' }] },
      ],
    }
    messages.length = 0
    await api().save(
      async (changed) => (sent.push(changed.map((r) => r.studentId)), report),
      (rep) => `saved ${rep.saved}`,
    )
    expect(sent).toEqual([['s1', 's2']])
    expect(api().report.value).toEqual(report)
    expect(s1.version).toBe(1)
    expect(s1.dirty).toBe(false)
    expect(s2.dirty).toBe(true)
    expect(gridRowClass({ row: s2 })).toBe('row-bad')
    expect(outcomeType(s1.outcome?.outcome)).toBe('success')
    expect(outcomeType(s2.outcome?.outcome)).toBe('danger')
    expect(messages).toEqual([{ type: 'warning', message: 'saved 1' }])

    // nothing changed: nothing is sent
    s2.dirty = false
    await api().save(async () => {
      throw new Error('sent without changes')
    }, String)
    expect(api().saving.value).toBe(false)
  })
})
