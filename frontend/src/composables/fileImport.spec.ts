import { describe, expect, it, vi } from 'vitest'
import { defineComponent, ref } from 'vue'
import { mount } from '@vue/test-utils'
import type { UploadFile, UploadInstance } from 'element-plus'
import { useFileImport, type ImportSend } from './fileImport'

const messages: unknown[] = []
vi.mock('element-plus', () => {
  const ElMessage = Object.assign((m: unknown) => messages.push(m), {
    error: (m: string) => messages.push({ error: m }),
  })
  return { ElMessage }
})

type Report = { rejected: number; total: number }

function harness(send: ImportSend<Report>, onImported = vi.fn()) {
  const clearFiles = vi.fn()
  let api!: ReturnType<typeof useFileImport<Report>>
  const wrapper = mount(
    defineComponent({
      setup() {
        api = useFileImport<Report>({
          upload: ref({ clearFiles } as unknown as UploadInstance),
          maxBytes: 10,
          wrongType: () => 'wrong type',
          tooLarge: () => 'too large',
          done: () => 'done',
          send,
          onImported,
        })
        return () => null
      },
    }),
  )
  return { api, wrapper, clearFiles, onImported }
}

const chosen = (name: string, size: number) =>
  ({ raw: Object.assign(new File(['x'.repeat(size)], name), { uid: 1 }) }) as unknown as UploadFile

describe('useFileImport', () => {
  it('refuses a file that is not CSV/XLSX or is too large, and clears the picker', () => {
    const { api, clearFiles } = harness(vi.fn())
    messages.length = 0
    api.onChange(chosen('roster.exe', 3))
    api.onChange(chosen('roster.csv', 11))
    expect(api.file.value).toBeNull()
    expect(messages).toEqual([{ error: 'wrong type' }, { error: 'too large' }])
    expect(clearFiles).toHaveBeenCalledTimes(2)
  })

  it('uploads with progress, then shows the report and says it was imported', async () => {
    const send = vi.fn<ImportSend<Report>>(async (_f, onProgress) => {
      onProgress(0.5)
      return { rejected: 1, total: 3 }
    })
    const { api, onImported } = harness(send)
    messages.length = 0
    api.onChange(chosen('roster.xlsx', 5))
    await api.start()
    expect(send).toHaveBeenCalledOnce()
    expect(api.progress.value).toBe(50)
    expect(api.report.value).toEqual({ rejected: 1, total: 3 })
    expect(api.uploading.value).toBe(false)
    expect(messages).toEqual([{ type: 'warning', message: 'done' }])
    expect(onImported).toHaveBeenCalledWith({ rejected: 1, total: 3 })
  })

  it('cancels the upload when the page goes away, without showing a failure', async () => {
    let signal!: AbortSignal
    const send: ImportSend<Report> = (_f, _p, s) => {
      signal = s
      return new Promise((_resolve, reject) =>
        s.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )
    }
    const { api, wrapper } = harness(send)
    api.onChange(chosen('roster.csv', 5))
    const running = api.start()
    wrapper.unmount()
    await running
    expect(signal.aborted).toBe(true)
    expect(api.failure.value).toBeNull()
    expect(api.report.value).toBeNull()
  })
})
