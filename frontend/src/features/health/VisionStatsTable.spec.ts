import { describe, expect, it } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import type { VisionStats } from '@/api/health'
import VisionStatsTable from './VisionStatsTable.vue'

const figures: VisionStats = {
  scope: 'county',
  scopeId: 'county',
  scopeName: '县',
  schoolYear: '2026-2027',
  suppressionThreshold: 5,
  cells: [
    {
      grade: 7,
      gradeName: '七年级',
      sex: 'ALL',
      suppressed: false,
      screened: 40,
      poorVision: { count: 20, percent: 50 },
      degrees: {
        mild: { count: 10, percent: 25 },
        moderate: { count: 6, percent: 15 },
        severe: { count: 4, percent: 10 },
      },
      screeningMyopia: { count: 18, percent: 45 },
      checkupAdvised: { count: 22, percent: 55 },
    },
    { grade: 8, gradeName: '八年级', sex: 'F', suppressed: true },
  ],
  schools: [{ schoolId: 's1', name: '一中', suppressed: false, screened: 12, poorVision: { count: 3, percent: 25 } }],
  trend: [{ schoolYear: '2025-2026', suppressed: true }],
}

const rowsOf = (el: Element) =>
  [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()))

describe('VisionStatsTable', () => {
  it('shows each figure in its column and a suppressed row as dashes, never as 0', async () => {
    const wrapper = mount(VisionStatsTable, { props: { figures }, global: { plugins: [ElementPlus, i18n] } })
    await flushPromises()
    const hidden = i18n.global.t('stats.suppressedShort')
    const [cells, schools, trend] = wrapper.findAll('.el-table').map((t) => rowsOf(t.element))
    expect(cells[0]).toEqual([
      '七年级',
      i18n.global.t('health.stats.all'),
      '40',
      '50.0%',
      '25.0%',
      '15.0%',
      '10.0%',
      '45.0%',
      '55.0%',
    ])
    expect(cells[1].slice(2)).toEqual(Array(7).fill(hidden))
    expect(schools[0]).toEqual(['一中', '12', '25.0%', hidden])
    expect(trend[0]).toEqual(['2025-2026', hidden, hidden, hidden])
  })
})
