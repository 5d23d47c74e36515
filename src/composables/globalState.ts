// State shared by the whole page, in the manner of VueUse's createGlobalState. The factory runs
// once, on the first call, inside an effect scope of its own that no component owns: its watchers
// and computeds live on when the component that first asked for the state unmounts (in that
// component's scope they would stop with it). Every caller gets the same state.

import { effectScope, type EffectScope } from 'vue'

export interface GlobalState<T> {
  /** The shared state; made by the factory on the first call. */
  (): T
  /**
   * For tests: stops the state's scope (its watchers and computeds stop, and every cleanup the
   * factory registered with onScopeDispose runs) and forgets it, so the next call makes a new one.
   */
  reset(): void
}

export function createGlobalState<T>(factory: () => T): GlobalState<T> {
  let made: { scope: EffectScope; state: T } | null = null
  let making = false

  const use = (): T => {
    if (made) return made.state
    // A factory that needs its own state would recurse without end: say so instead.
    if (making) throw new Error('createGlobalState: the factory asked for its own state')
    making = true
    const scope = effectScope(true)
    try {
      made = { scope, state: scope.run(factory) as T }
    } catch (error) {
      scope.stop()
      throw error
    } finally {
      making = false
    }
    return made.state
  }

  use.reset = (): void => {
    const current = made
    made = null
    current?.scope.stop()
  }
  return use
}
