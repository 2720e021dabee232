import { onBeforeUnmount, ref, type Ref } from 'vue'
import { ElMessage, type UploadFile, type UploadInstance, type UploadRawFile } from 'element-plus'
import { errorMessage, isAbort } from '@/composables/apiErrors'
import { importsApi } from '@/api/endpoints'
import type { ImportJob } from '@/api/types'
import { newIdempotencyKey } from '@/api/client'
import { saveBlob } from '@/composables/download'

/**
 * What an import upload sends: the file, a progress callback (0–1), the signal that cancels it, and the job id under
 * which the server reports the import's own progress while it checks and writes the rows.
 */
export type ImportSend<R> = (
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
  job: string,
) => Promise<R>

export interface FileImportOptions<R> {
  /** The page's el-upload, cleared when a chosen file is refused. */
  upload: Ref<UploadInstance | undefined>
  maxBytes: number
  /** Messages for a file that is not CSV/XLSX/XLS, and one over maxBytes. */
  wrongType: () => string
  tooLarge: () => string
  /** The done message once the server answered. */
  done: () => string
  send: ImportSend<R>
  onImported?: (report: R) => void
  /** how often the import's progress is asked for while the server works, ms */
  pollMs?: number
}

/**
 * The state of a CSV/XLSX/XLS import with a per-row report (roster, fitness results): one file chosen and checked on
 * the client, its upload with progress, then the server's own progress (rows read, accepted, rejected) while it
 * works, cancel (also when the page goes away), then the report, or the failure; and the rejected rows as a sheet.
 */
export function useFileImport<R extends { rejected: number; jobId?: string }>(o: FileImportOptions<R>) {
  const upload = o.upload
  const file = ref<File | null>(null)
  const progress = ref(0)
  const uploading = ref(false)
  const failure = ref<string | null>(null)
  const report = ref<R | null>(null) as Ref<R | null>
  const job = ref<ImportJob | null>(null)
  let controller: AbortController | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  function reset() {
    report.value = null
    failure.value = null
    progress.value = 0
    job.value = null
  }

  function onChange(f: UploadFile) {
    const raw = f.raw as UploadRawFile | undefined
    if (!raw) return
    const wrongType = !/\.(csv|xlsx|xls)$/i.test(raw.name)
    if (wrongType || raw.size > o.maxBytes) {
      ElMessage.error(wrongType ? o.wrongType() : o.tooLarge())
      upload.value?.clearFiles()
      file.value = null
      return
    }
    file.value = raw
    reset()
  }

  function stopPolling() {
    if (timer) clearTimeout(timer)
    timer = null
  }

  /** Asks for the job's counts until the upload's answer arrives (a 404 just means it has not started yet). */
  function poll(id: string) {
    timer = setTimeout(async () => {
      try {
        const j = await importsApi.job(id)
        if (uploading.value) job.value = j
      } catch {
        // not started yet, or gone: the report will say
      }
      if (uploading.value) poll(id)
    }, o.pollMs ?? 500)
  }

  async function start() {
    if (!file.value) return
    uploading.value = true
    reset()
    controller = new AbortController()
    const id = newIdempotencyKey()
    poll(id)
    try {
      report.value = await o.send(file.value, (f) => (progress.value = Math.round(f * 100)), controller.signal, id)
      ElMessage({ type: report.value.rejected > 0 ? 'warning' : 'success', message: o.done() })
      o.onImported?.(report.value)
    } catch (e) {
      if (!isAbort(e)) failure.value = errorMessage(e)
    } finally {
      uploading.value = false
      stopPolling()
      controller = null
    }
  }

  function cancel() {
    controller?.abort()
    stopPolling()
  }
  onBeforeUnmount(cancel)

  /** The rejected rows as uploaded, with a reason column, to fix and upload again. */
  async function downloadRejected(jobId?: string) {
    const id = jobId ?? report.value?.jobId
    if (!id) return
    try {
      const d = await importsApi.rejected(id)
      saveBlob(d.blob, d.filename ?? 'rejected.xlsx')
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  return { file, progress, uploading, failure, report, job, onChange, start, cancel, downloadRejected }
}
