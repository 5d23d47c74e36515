import { createApp } from 'vue'
import App from './App.vue'
import './style.css'
import { useAppUpdate } from './composables/useAppUpdate'

createApp(App).mount('#app')
void useAppUpdate().register()
