/**
 * The national standard's items as the grid shows them (keys as FitnessScorer.ITEM_KEYS), and the Chinese rating
 * and BMI words the API returns mapped to codes, so English pages can name them too.
 */
export const ITEM_KEYS = [
  'height_cm',
  'weight_kg',
  'bmi',
  'vital_capacity',
  'run_50m',
  'sit_and_reach',
  'rope_skipping_1min',
  'sit_ups_1min',
  'shuttle_50x8',
  'standing_long_jump',
  'pull_ups',
  'run_1000m',
  'run_800m',
] as const

export interface ItemMeta {
  unit: string
  /** runs: seconds, also 3'55" or 3:55 */
  time?: boolean
  /** whole counts only */
  count?: boolean
  decimals: number
}

export const ITEM_META: Record<string, ItemMeta> = {
  height_cm: { unit: 'cm', decimals: 1 },
  weight_kg: { unit: 'kg', decimals: 1 },
  bmi: { unit: 'kg/m²', decimals: 1 },
  vital_capacity: { unit: 'ml', decimals: 0 },
  run_50m: { unit: 's', decimals: 1 },
  sit_and_reach: { unit: 'cm', decimals: 1 },
  rope_skipping_1min: { unit: '', count: true, decimals: 0 },
  sit_ups_1min: { unit: '', count: true, decimals: 0 },
  shuttle_50x8: { unit: 's', time: true, decimals: 0 },
  standing_long_jump: { unit: 'cm', decimals: 0 },
  pull_ups: { unit: '', count: true, decimals: 0 },
  run_1000m: { unit: 's', time: true, decimals: 0 },
  run_800m: { unit: 's', time: true, decimals: 0 },
}

const LEVEL_CODES: Record<string, string> = {
  优秀: 'EXCELLENT',
  良好: 'GOOD',
  及格: 'PASS',
  不及格: 'FAIL',
  正常: 'NORMAL',
  低体重: 'UNDERWEIGHT',
  超重: 'OVERWEIGHT',
  肥胖: 'OBESE',
}

/** The code of a rating or BMI word (优秀 → EXCELLENT), or the word itself when unknown. */
export function levelCode(word: string | undefined | null): string {
  if (!word) return ''
  return LEVEL_CODES[word] ?? word
}

/** Tag colour for a rating or level. */
export function levelType(word: string | undefined | null): 'success' | 'primary' | 'warning' | 'danger' | 'info' {
  switch (levelCode(word)) {
    case 'EXCELLENT':
    case 'NORMAL':
      return 'success'
    case 'GOOD':
      return 'primary'
    case 'PASS':
    case 'UNDERWEIGHT':
    case 'OVERWEIGHT':
      return 'warning'
    case 'FAIL':
    case 'OBESE':
      return 'danger'
    default:
      return 'info'
  }
}

/** A stored value as the input shows it again (numbers as typed, e.g. 8.2, 245). */
export function inputText(v: number | string | undefined | null): string {
  return v === undefined || v === null ? '' : String(v)
}

export { recentYears } from '@/composables/format'
