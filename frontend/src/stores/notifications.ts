import { defineStore } from 'pinia'
import { ref } from 'vue'
import { notificationsApi } from '@/api/endpoints'
import type { AppNotification } from '@/api/types'

const POLL_MS = 60_000

/** The signed-in user's unread notifications, polled once a minute while the app is open. */
export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref<AppNotification[]>([])
  let timer: ReturnType<typeof setInterval> | undefined

  async function refresh(): Promise<void> {
    try {
      unread.value = await notificationsApi.list(true)
    } catch {
      // the bell is not worth an error toast; the next poll tries again
    }
  }

  async function markRead(id: string): Promise<void> {
    await notificationsApi.read(id)
    unread.value = unread.value.filter((n) => n.id !== id)
  }

  async function markAllRead(): Promise<void> {
    const ids = unread.value.map((n) => n.id)
    await Promise.allSettled(ids.map((id) => notificationsApi.read(id)))
    await refresh()
  }

  function start(): void {
    if (timer) return
    void refresh()
    timer = setInterval(() => {
      if (typeof document === 'undefined' || document.visibilityState !== 'hidden') void refresh()
    }, POLL_MS)
  }

  function stop(): void {
    if (timer) clearInterval(timer)
    timer = undefined
  }

  return { unread, refresh, markRead, markAllRead, start, stop }
})
