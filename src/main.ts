import { createApp } from 'vue'
import App from './App.vue'
import EmbedApp from './EmbedApp.vue'
import { readEmbed } from './core/view/embed'
import './style.css'
import { useAppUpdate } from './composables/useAppUpdate'

// `?embed=<chart>` opens one chart alone, for an iframe in someone else's page.
createApp(readEmbed(window.location.search) ? EmbedApp : App).mount('#app')
void useAppUpdate().register()
