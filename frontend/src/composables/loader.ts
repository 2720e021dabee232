import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { errorMessage, isAbort } from './apiErrors'

/** What a page shows of one server read: the data, whether it is loading, and why it failed. */
export interface Loader<T> {
  /** The last answer; null before the first one and after a failure. */
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  /** The failed call's message (the server's Chinese-first detail), shown in the page; null when it worked. */
  failure: Ref<string | null>
  /** Reads again. When calls overlap, only the newest one's answer or failure is kept. */
  load: () => Promise<void>
}

/**
 * One server read a page shows in place (not as a toast): `loading` while it runs, `data` when it answers,
 * `failure` with the message when it does not. The answer of an older call that finishes after a newer one
 * (a filter changed while the first read ran) is dropped, so the page never shows the older filter's data.
 * `loading` starts true when the page reads at once (`{ initial: true }`), so the first paint shows the
 * spinner rather than an empty state.
 */
export function useLoader<T>(read: () => Promise<T>, options: { initial?: boolean } = {}): Loader<T> {
  const data = shallowRef<T | null>(null)
  const loading = ref(options.initial ?? false)
  const failure = ref<string | null>(null)
  let latest = 0

  async function load(): Promise<void> {
    const mine = ++latest
    loading.value = true
    failure.value = null
    try {
      const answer = await read()
      if (mine === latest) data.value = answer
    } catch (e) {
      if (mine === latest) {
        data.value = null
        failure.value = isAbort(e) ? null : errorMessage(e)
      }
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  return { data, loading, failure, load }
}
