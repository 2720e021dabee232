import { defineStore } from 'pinia'
import { ref } from 'vue'

/** What the current page adds to the breadcrumb (e.g. the class or student name of a detail page). */
export const usePageStore = defineStore('page', () => {
  const detail = ref<string | null>(null)
  return { detail }
})
