import { onBeforeUnmount, ref, type Ref } from 'vue'
import { ElMessage, type UploadFile, type UploadInstance, type UploadRawFile } from 'element-plus'
import { errorMessage, isAbort } from '@/composables/apiErrors'

/** What an import upload sends: the file, a progress callback (0–1) and the signal that cancels it. */
export type ImportSend<R> = (file: File, onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<R>

export interface FileImportOptions<R> {
  /** The page's el-upload, cleared when a chosen file is refused. */
  upload: Ref<UploadInstance | undefined>
  maxBytes: number
  /** Messages for a file that is not CSV/XLSX, and one over maxBytes. */
  wrongType: () => string
  tooLarge: () => string
  /** The done message once the server answered. */
  done: () => string
  send: ImportSend<R>
  onImported?: (report: R) => void
}

/**
 * The state of a CSV/XLSX import with a per-row report (roster, fitness results): one file chosen and checked on
 * the client, its upload with progress, cancel (also when the page goes away), then the report or the failure.
 */
export function useFileImport<R extends { rejected: number }>(o: FileImportOptions<R>) {
  const upload = o.upload
  const file = ref<File | null>(null)
  const progress = ref(0)
  const uploading = ref(false)
  const failure = ref<string | null>(null)
  const report = ref<R | null>(null) as Ref<R | null>
  let controller: AbortController | null = null

  function reset() {
    report.value = null
    failure.value = null
    progress.value = 0
  }

  function onChange(f: UploadFile) {
    const raw = f.raw as UploadRawFile | undefined
    if (!raw) return
    const wrongType = !/\.(csv|xlsx)$/i.test(raw.name)
    if (wrongType || raw.size > o.maxBytes) {
      ElMessage.error(wrongType ? o.wrongType() : o.tooLarge())
      upload.value?.clearFiles()
      file.value = null
      return
    }
    file.value = raw
    reset()
  }

  async function start() {
    if (!file.value) return
    uploading.value = true
    reset()
    controller = new AbortController()
    try {
      report.value = await o.send(file.value, (f) => (progress.value = Math.round(f * 100)), controller.signal)
      ElMessage({ type: report.value.rejected > 0 ? 'warning' : 'success', message: o.done() })
      o.onImported?.(report.value)
    } catch (e) {
      if (!isAbort(e)) failure.value = errorMessage(e)
    } finally {
      uploading.value = false
      controller = null
    }
  }

  function cancel() {
    controller?.abort()
  }
  onBeforeUnmount(cancel)

  return { file, progress, uploading, failure, report, onChange, start, cancel }
}
