// The system's colour scheme and motion preference, as refs that follow changes while the page is
// open. Charts read them: text and gridlines follow dark mode, animation stops under
// prefers-reduced-motion (which is also how screenshots are taken without animation).

import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue'

function mediaRef(win: Window | undefined, query: string): Ref<boolean> {
  const state = ref(false)
  const list = win?.matchMedia?.(query)
  if (!list) return state
  state.value = list.matches
  const onChange = (event: MediaQueryListEvent) => (state.value = event.matches)
  list.addEventListener('change', onChange)
  if (getCurrentScope()) onScopeDispose(() => list.removeEventListener('change', onChange))
  return state
}

export function useTheme(
  win: Window | undefined = typeof window === 'undefined' ? undefined : window,
) {
  return {
    dark: mediaRef(win, '(prefers-color-scheme: dark)'),
    reducedMotion: mediaRef(win, '(prefers-reduced-motion: reduce)'),
    /** A phone-sized viewport: charts shorten their axis labels. */
    narrow: mediaRef(win, '(max-width: 600px)'),
    /** Too narrow for the incident table's columns beside the filters: the list is cards. */
    compact: mediaRef(win, '(max-width: 1100px)'),
  }
}
