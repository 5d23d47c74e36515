/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare module 'virtual:shipped-data' {
  import type { ShippedLoad } from './core/load/shipped'
  const shipped: ShippedLoad
  export default shipped
}
