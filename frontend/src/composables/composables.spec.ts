import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/problem'
import { errorMessage, useFieldErrors } from './apiErrors'
import { usePagedList } from './pagedList'
import { useIdempotencyKey } from './idempotency'
import type { Page } from '@/api/types'

vi.mock('element-plus', () => ({ ElMessage: vi.fn() }))

const t = (k: string) => `t:${k}`

describe('errorMessage', () => {
  it("prefers the server's localized detail, then its title", () => {
    expect(errorMessage(new ApiError({ status: 409, detail: '已被他人修改', title: '冲突' }), t)).toBe('已被他人修改')
    expect(errorMessage(new ApiError({ status: 403, title: '禁止访问' }), t)).toBe('禁止访问')
  })

  it('uses our own text for network failures and unknown errors', () => {
    expect(errorMessage(ApiError.network(new TypeError('Failed to fetch')), t)).toBe('t:errors.network')
    expect(errorMessage(new ApiError({ status: 500 }), t)).toBe('t:errors.unknown')
    expect(errorMessage('weird', t)).toBe('t:errors.unknown')
  })
})

describe('useFieldErrors', () => {
  it('puts per-field messages where the form items read them and clears old ones', async () => {
    const { ElMessage } = await import('element-plus')
    const { fieldErrors, handle } = useFieldErrors()
    handle(
      new ApiError({
        status: 422,
        detail: 'invalid',
        errors: [{ field: 'name', code: 'notblank', message: '姓名不能为空' }],
      }),
    )
    expect(fieldErrors).toEqual({ name: '姓名不能为空' })
    expect(ElMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', message: 'invalid' }))
    handle(new ApiError({ status: 422, errors: [{ field: 'birthDate', code: 'notnull', message: '必填' }] }))
    expect(fieldErrors).toEqual({ birthDate: '必填' })
  })

  it('shows nothing for an aborted request', async () => {
    const { ElMessage } = await import('element-plus')
    vi.mocked(ElMessage).mockClear()
    useFieldErrors().handle(new DOMException('aborted', 'AbortError'))
    expect(ElMessage).not.toHaveBeenCalled()
  })
})

describe('usePagedList', () => {
  it("maps el-pagination's 1-based page to the API's 0-based page and back to page 1 on search", async () => {
    const fetch = vi.fn(async (q: { q: string; page: number; size: number }): Promise<Page<string>> => ({
      items: [`${q.q}-${q.page}`],
      page: q.page,
      size: q.size,
      total: 41,
    }))
    const list = usePagedList(fetch, { q: '' }, 20)
    list.current.value = 3
    await list.load()
    expect(fetch).toHaveBeenLastCalledWith({ q: '', page: 2, size: 20 })
    expect(list.rows.value).toEqual(['-2'])
    expect(list.total.value).toBe(41)
    list.query.q = '马'
    await list.search()
    expect(fetch).toHaveBeenLastCalledWith({ q: '马', page: 0, size: 20 })
    expect(list.current.value).toBe(1)
    await list.reset()
    expect(list.query.q).toBe('')
  })

  it('keeps the newest answer when an older request finishes last', async () => {
    const resolvers: ((p: Page<string>) => void)[] = []
    const list = usePagedList(() => new Promise<Page<string>>((r) => resolvers.push(r)), {})
    const first = list.load()
    const second = list.load()
    resolvers[1]({ items: ['new'], page: 0, size: 20, total: 1 })
    await second
    resolvers[0]({ items: ['old'], page: 0, size: 20, total: 1 })
    await first
    expect(list.rows.value).toEqual(['new'])
    expect(list.loading.value).toBe(false)
  })
})

describe('useIdempotencyKey', () => {
  it('keeps one key for retries and makes a new one for the next intent', () => {
    const key = useIdempotencyKey()
    const first = key.current()
    expect(key.current()).toBe(first)
    key.renew()
    expect(key.current()).not.toBe(first)
  })
})
