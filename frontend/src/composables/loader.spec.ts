import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/problem'
import { useLoader } from './loader'

vi.mock('element-plus', () => ({ ElMessage: vi.fn() }))

/** A promise the test settles when it wants. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useLoader', () => {
  it('shows loading while the read runs, then the answer', async () => {
    const d = deferred<string[]>()
    const l = useLoader(() => d.promise)
    expect(l.loading.value).toBe(false)
    const done = l.load()
    expect(l.loading.value).toBe(true)
    d.resolve(['一班'])
    await done
    expect(l.loading.value).toBe(false)
    expect(l.data.value).toEqual(['一班'])
    expect(l.failure.value).toBeNull()
  })

  it("shows the server's message on failure and drops the old data", async () => {
    let fail = false
    const l = useLoader(async () => {
      if (fail) throw new ApiError({ status: 403, detail: '无权查看该班级' })
      return 1
    })
    await l.load()
    expect(l.data.value).toBe(1)
    fail = true
    await l.load()
    expect(l.data.value).toBeNull()
    expect(l.failure.value).toBe('无权查看该班级')
    expect(l.loading.value).toBe(false)
    fail = false
    await l.load()
    expect(l.failure.value).toBeNull()
    expect(l.data.value).toBe(1)
  })

  it('keeps the newest answer when an older read finishes last', async () => {
    const first = deferred<string>()
    const second = deferred<string>()
    const reads = [first.promise, second.promise]
    const l = useLoader(() => reads.shift()!)
    const a = l.load()
    const b = l.load()
    second.resolve('二班')
    await b
    expect(l.data.value).toBe('二班')
    expect(l.loading.value).toBe(false)
    first.resolve('一班')
    await a
    expect(l.data.value).toBe('二班')
    expect(l.loading.value).toBe(false)
  })

  it('ignores the failure of an older read', async () => {
    const first = deferred<string>()
    const reads = [first.promise, Promise.resolve('二班')]
    const l = useLoader(() => reads.shift()!)
    const a = l.load()
    await l.load()
    first.reject(new ApiError({ status: 500 }))
    await a
    expect(l.data.value).toBe('二班')
    expect(l.failure.value).toBeNull()
  })

  it('starts in the loading state for a page that reads at once', () => {
    expect(useLoader(async () => 1, { initial: true }).loading.value).toBe(true)
  })
})
