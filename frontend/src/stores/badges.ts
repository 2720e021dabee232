import { defineStore } from 'pinia'
import { ref } from 'vue'
import { wellbeingApi } from '@/api/wellbeing'
import { noticesApi } from '@/api/family'

/**
 * Counts shown as red badges in the menu: a counselor's unacknowledged alerts. Reading the alert list is audited
 * per alert, so it is not polled: it is read when the app starts, when an alert notification arrives (the bell
 * polls those) and whenever the alerts page loads or acknowledges one.
 */
export const useBadgeStore = defineStore('badges', () => {
  const openAlerts = ref(0)
  /** a family's class notices not opened yet */
  const unreadNotices = ref(0)

  async function refreshNotices(): Promise<void> {
    try {
      unreadNotices.value = (await noticesApi.unreadCount()).unread
    } catch {
      // a badge is not worth an error toast
    }
  }

  async function refreshAlerts(): Promise<void> {
    try {
      openAlerts.value = (await wellbeingApi.alerts(true)).length
    } catch {
      // a badge is not worth an error toast
    }
  }

  function setOpenAlerts(n: number): void {
    openAlerts.value = n
  }

  /** badge count for a menu page, 0 when none */
  function forPage(page: string | undefined): number {
    return page === 'wellbeing-alerts' ? openAlerts.value : page === 'notices' ? unreadNotices.value : 0
  }

  return { openAlerts, refreshAlerts, setOpenAlerts, unreadNotices, refreshNotices, forPage }
})
