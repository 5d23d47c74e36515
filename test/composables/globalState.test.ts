// createGlobalState: one state for every caller, made on the first call in a scope no component
// owns, so it outlives the component that asked first; reset() stops it and forgets it.
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import {
  computed,
  defineComponent,
  effectScope,
  h,
  nextTick,
  onScopeDispose,
  ref,
  watch,
} from 'vue'
import { createGlobalState } from '../../src/composables/globalState'

// A counter with a computed and a watcher that counts the changes it sees.
function counterState() {
  const made = vi.fn()
  const disposed = vi.fn()
  const useCounter = createGlobalState(() => {
    made()
    const count = ref(0)
    const double = computed(() => count.value * 2)
    const seen = ref(0)
    watch(count, () => seen.value++, { flush: 'sync' })
    onScopeDispose(disposed)
    return { count, double, seen }
  })
  return { useCounter, made, disposed }
}

describe('createGlobalState', () => {
  it('makes the state on the first call only, and gives every caller the same one', () => {
    const { useCounter, made } = counterState()
    expect(made).not.toHaveBeenCalled()
    const first = useCounter()
    const second = useCounter()
    expect(second).toBe(first)
    expect(made).toHaveBeenCalledTimes(1)
    second.count.value = 3
    expect(first.double.value).toBe(6)
  })

  it('outlives the component that asked for it first', async () => {
    const { useCounter, disposed } = counterState()
    const First = defineComponent({
      setup() {
        const { double } = useCounter()
        return () => h('p', String(double.value))
      },
    })
    const wrapper = mount(First)
    expect(wrapper.text()).toBe('0')
    useCounter().count.value = 1
    await nextTick()
    expect(wrapper.text()).toBe('2')
    wrapper.unmount()

    expect(disposed).not.toHaveBeenCalled()
    const { count, double, seen } = useCounter()
    count.value = 5
    expect(double.value).toBe(10)
    expect(seen.value).toBe(2)
    // A component mounted later sees the same state, still live.
    const later = mount(First)
    expect(later.text()).toBe('10')
    count.value = 6
    await nextTick()
    expect(later.text()).toBe('12')
    later.unmount()
  })

  it('is not stopped with an effect scope it was first called in', () => {
    const { useCounter, disposed } = counterState()
    const caller = effectScope()
    const state = caller.run(() => useCounter())
    caller.stop()
    expect(disposed).not.toHaveBeenCalled()
    state!.count.value = 2
    expect(state!.seen.value).toBe(1)
    expect(state!.double.value).toBe(4)
  })

  it('reset stops the watchers, runs the cleanups, and the next call makes a fresh state', () => {
    const { useCounter, made, disposed } = counterState()
    const old = useCounter()
    old.count.value = 1
    expect(old.seen.value).toBe(1)

    useCounter.reset()
    expect(disposed).toHaveBeenCalledTimes(1)
    old.count.value = 2
    expect(old.seen.value).toBe(1)

    const fresh = useCounter()
    expect(fresh).not.toBe(old)
    expect(made).toHaveBeenCalledTimes(2)
    expect(fresh.count.value).toBe(0)
    fresh.count.value = 4
    expect(fresh.seen.value).toBe(1)
    expect(fresh.double.value).toBe(8)
    // Resetting twice, or before any call, does nothing more.
    useCounter.reset()
    useCounter.reset()
    expect(disposed).toHaveBeenCalledTimes(2)
  })

  it('leaves no state behind when the factory throws, and tries again on the next call', () => {
    let fail = true
    const useState = createGlobalState(() => {
      if (fail) throw new Error('not yet')
      return { ok: true }
    })
    expect(() => useState()).toThrow('not yet')
    fail = false
    expect(useState()).toEqual({ ok: true })
  })

  it('says so when the factory asks for its own state', () => {
    const useSelf: ReturnType<typeof createGlobalState<unknown>> = createGlobalState(() =>
      useSelf(),
    )
    expect(() => useSelf()).toThrow('the factory asked for its own state')
  })
})
