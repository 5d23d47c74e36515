// The service worker's registration by hand: a worker installed with none controlling the page is
// the first (the dashboard is now kept offline); one installed beside a controller is a new
// version, which waits until the user asks to reload, then is told to take over.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAppUpdate } from '../../src/composables/useAppUpdate'

class FakeWorker extends EventTarget {
  state = 'installing'
  messages: unknown[] = []
  postMessage(message: unknown): void {
    this.messages.push(message)
  }
  become(state: string): void {
    this.state = state
    this.dispatchEvent(new Event('statechange'))
  }
}

function fakeServiceWorkers(controlled: boolean) {
  const registration = Object.assign(new EventTarget(), {
    installing: null as FakeWorker | null,
    waiting: null as FakeWorker | null,
  })
  const container = Object.assign(new EventTarget(), {
    controller: controlled ? new FakeWorker() : null,
    registered: [] as string[],
    register: async (url: string) => {
      container.registered.push(url)
      return registration
    },
  })
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true })
  return { registration, container }
}

describe('useAppUpdate', () => {
  beforeEach(() => vi.stubEnv('PROD', true))
  afterEach(() => {
    vi.unstubAllEnvs()
    useAppUpdate.reset()
  })

  it('says the dashboard is kept offline when the first worker installs', async () => {
    const { registration, container } = fakeServiceWorkers(false)
    const app = useAppUpdate()
    await app.register()
    expect(container.registered).toEqual(['/sw.js'])
    const worker = new FakeWorker()
    registration.installing = worker
    registration.dispatchEvent(new Event('updatefound'))
    worker.become('installed')
    expect(app.offlineReady.value).toBe(true)
    expect(app.updateReady.value).toBe(false)
  })

  it('announces a new version beside the one in use, and tells it to take over on reload', async () => {
    const { registration } = fakeServiceWorkers(true)
    const app = useAppUpdate()
    await app.register()
    const worker = new FakeWorker()
    registration.installing = worker
    registration.dispatchEvent(new Event('updatefound'))
    worker.become('installed')
    expect(app.updateReady.value).toBe(true)
    registration.waiting = worker
    await app.update()
    expect(worker.messages).toEqual([{ type: 'SKIP_WAITING' }])
  })

  it('finds a version already waiting when the page opens', async () => {
    const { registration } = fakeServiceWorkers(true)
    registration.waiting = new FakeWorker()
    const app = useAppUpdate()
    await app.register()
    expect(app.updateReady.value).toBe(true)
  })
})
