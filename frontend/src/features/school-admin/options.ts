import { computed, ref } from 'vue'
import { classesApi, staffApi, termsApi } from '@/api/endpoints'
import type { ClassView, StaffView, TermView } from '@/api/types'
import { showError } from '@/composables/apiErrors'

/** Choices for the admin forms' selects (classes, terms, staff), loaded once per page. */
export function useSchoolOptions() {
  const classes = ref<ClassView[]>([])
  const terms = ref<TermView[]>([])
  const staff = ref<StaffView[]>([])

  const classNames = computed<Record<string, string>>(() =>
    Object.fromEntries(classes.value.map((c) => [c.id, c.name])),
  )
  const currentTerm = computed(() => terms.value.find((t) => t.current)?.code)

  async function load(what: { classes?: boolean; terms?: boolean; staff?: boolean }) {
    try {
      await Promise.all([
        what.classes ? classesApi.list().then((v) => (classes.value = v)) : null,
        what.terms
          ? termsApi.list().then((v) => (terms.value = [...v].sort((a, b) => b.code.localeCompare(a.code))))
          : null,
        what.staff
          ? staffApi.list().then((v) => (staff.value = [...v].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))))
          : null,
      ])
    } catch (e) {
      showError(e)
    }
  }

  return { classes, terms, staff, classNames, currentTerm, load }
}
