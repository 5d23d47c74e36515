/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare module 'virtual:shipped-data' {
  import type { ShippedLoad } from './core/load/shipped'
  import type { Source } from './core/reports'
  import type { RowIssue } from './core/load/validate'
  /** data/attacks.csv as the import's loader read it (core/load/shipped). */
  export const shippedLoad: ShippedLoad
  /** data/sources.csv as the registry's reader read it: its entries in file order, its issues. */
  export const shippedSources: { sources: Source[]; issues: RowIssue[] }
}
