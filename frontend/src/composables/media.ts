import { onBeforeUnmount, ref } from 'vue'

/** Reactive CSS media query (phones get the drawer menu and stacked forms). */
export function useMediaQuery(query: string) {
  const mql = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : undefined
  const matches = ref(mql?.matches ?? false)
  const onChange = (e: MediaQueryListEvent) => {
    matches.value = e.matches
  }
  mql?.addEventListener('change', onChange)
  onBeforeUnmount(() => mql?.removeEventListener('change', onChange))
  return matches
}

export const PHONE_QUERY = '(max-width: 767px)'
