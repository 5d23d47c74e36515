import { createApp, type Component } from 'vue'
import App from './App.vue'
import { readEmbed } from './core/view/embed'
import './style.css'
import { useAppUpdate } from './composables/useAppUpdate'

// `?embed=<chart>` opens one chart alone, for an iframe in someone else's page; its shell is
// loaded only then.
const root: Promise<Component> = readEmbed(window.location.search)
  ? import('./EmbedApp.vue').then((module) => module.default)
  : Promise.resolve(App)
void root.then((component) => createApp(component).mount('#app'))
void useAppUpdate().register()
