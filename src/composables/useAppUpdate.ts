// The installable, offline web app's service worker (made by vite-plugin-pwa at build time): registered
// once the page has loaded, it keeps the built files so the dashboard opens without a network. A
// new version announces itself and waits for the user's reload instead of replacing the page in use.
//
// Registered by hand rather than through the plugin's workbox-window helper (2.9 KB gzip of the first
// visit for what is a few lines): a worker that installs while another controls the page is a new
// version waiting (`updateReady`); one that installs with none is the first, now kept offline
// (`offlineReady`). The reload tells the waiting worker to take over (the generated worker answers
// a `SKIP_WAITING` message) and reloads once it controls the page.

import { shallowRef } from 'vue'
import { createGlobalState } from './globalState'

function createAppUpdateState() {
  /** A new version is installed and waits for a reload. */
  const updateReady = shallowRef(false)
  /** The dashboard has just been kept for use without a network. */
  const offlineReady = shallowRef(false)
  let registration: ServiceWorkerRegistration | null = null

  // Tells which of the two a worker that has just installed is.
  function installed(): void {
    if (navigator.serviceWorker.controller) updateReady.value = true
    else offlineReady.value = true
  }

  function watch(worker: ServiceWorker): void {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') installed()
    })
  }

  /** Registers the service worker (the production build only: the dev server has none). */
  async function register(): Promise<void> {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
    // After the page has loaded, so the worker's caching never competes with the first paint.
    if (document.readyState !== 'complete') {
      await new Promise<void>((done) =>
        window.addEventListener('load', () => done(), { once: true }),
      )
    }
    try {
      registration = await navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, {
        scope: import.meta.env.BASE_URL,
      })
    } catch {
      return // No worker (a private window, a browser setting): the page works online as ever.
    }
    // Some hosts (a test harness blocking workers) answer with no registration at all.
    if (!registration) return
    if (registration.waiting && navigator.serviceWorker.controller) updateReady.value = true
    if (registration.installing) watch(registration.installing)
    registration.addEventListener('updatefound', () => {
      if (registration?.installing) watch(registration.installing)
    })
  }

  /** Reloads the page into the new version. */
  async function update(): Promise<void> {
    const waiting = registration?.waiting
    if (!waiting) return window.location.reload()
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
      once: true,
    })
    waiting.postMessage({ type: 'SKIP_WAITING' })
  }

  function dismiss(): void {
    updateReady.value = false
    offlineReady.value = false
  }

  return { updateReady, offlineReady, register, update, dismiss }
}

export const useAppUpdate = createGlobalState(createAppUpdateState)
