import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/problem'
import { i18n } from '@/i18n'

type Translate = (key: string) => string

/**
 * The sentence to show for a failed call: the server's localized detail when there is one, otherwise a
 * message of ours for the code (network down, unknown status).
 */
export function errorMessage(error: unknown, t: Translate = (k) => i18n.global.t(k)): string {
  if (error instanceof ApiError) {
    if (error.isNetwork) return t('errors.network')
    if (error.problem.detail) return error.problem.detail
    if (error.problem.title) return error.problem.title
    return t('errors.unknown')
  }
  if (error instanceof Error && error.message) return error.message
  return t('errors.unknown')
}

/** True for an abort (page left, request cancelled): nothing to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/** Shows a failed call as a message toast. */
export function showError(error: unknown): void {
  if (isAbort(error)) return
  ElMessage({ type: 'error', message: errorMessage(error), showClose: true, duration: 6000, grouping: true })
}

/**
 * Per-form server errors: bind `:error="fieldErrors.name"` on each el-form-item; `handle` fills them from
 * a problem's `errors` (keys are the API's field paths) and shows the detail as a toast.
 */
export function useFieldErrors() {
  const fieldErrors = reactive<Record<string, string>>({})

  function clear(): void {
    for (const k of Object.keys(fieldErrors)) delete fieldErrors[k]
  }

  function handle(error: unknown): void {
    clear()
    if (error instanceof ApiError) Object.assign(fieldErrors, error.fieldErrors)
    showError(error)
  }

  return { fieldErrors, clear, handle }
}
