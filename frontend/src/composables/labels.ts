import { useI18n } from 'vue-i18n'

/** Display names of the API's enum values, and small formatters, in the current language. */
export function useLabels() {
  const { t, te } = useI18n()
  const label = (group: string, value: string | undefined | null): string => {
    if (value === undefined || value === null || value === '') return '—'
    const key = `enums.${group}.${value}`
    return te(key) ? t(key) : value
  }
  return {
    sex: (v?: string | null) => label('sex', v),
    stage: (v?: string | null) => label('stage', v),
    status: (v?: string | null) => label('status', v),
    assignmentRole: (v?: string | null) => label('assignmentRole', v),
    role: (v?: string | null) => label('role', v),
    /** new-style enum labels under labels.<group> (dimension, level, severity, recordStatus, phase, ...) */
    of: (group: string, v?: string | null) => {
      if (v === undefined || v === null || v === '') return '—'
      const key = `labels.${group}.${v}`
      return te(key) ? t(key) : v
    },
    dash: (v?: string | number | null) => (v === undefined || v === null || v === '' ? '—' : String(v)),
  }
}
