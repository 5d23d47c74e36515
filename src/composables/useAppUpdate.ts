// The installable, offline web app's service worker (vite-plugin-pwa): registered once the page
// has loaded, it keeps the built files so the dashboard opens without a network. A new version
// announces itself and waits for the user's reload instead of replacing the page in use.

import { shallowRef } from 'vue'
import { createGlobalState } from './globalState'

function createAppUpdateState() {
  /** A new version is installed and waits for a reload. */
  const updateReady = shallowRef(false)
  /** The dashboard has just been kept for use without a network. */
  const offlineReady = shallowRef(false)
  let applyUpdate: ((reloadPage?: boolean) => Promise<void>) | null = null

  /** Registers the service worker (the production build only: the dev server has none). */
  async function register(): Promise<void> {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
    const { registerSW } = await import('virtual:pwa-register')
    applyUpdate = registerSW({
      onNeedRefresh: () => (updateReady.value = true),
      onOfflineReady: () => (offlineReady.value = true),
    })
  }

  /** Reloads the page into the new version. */
  async function update(): Promise<void> {
    await applyUpdate?.(true)
  }

  function dismiss(): void {
    updateReady.value = false
    offlineReady.value = false
  }

  return { updateReady, offlineReady, register, update, dismiss }
}

export const useAppUpdate = createGlobalState(createAppUpdateState)
