import { createApp } from 'vue'
import App from './App.vue'
import { whenSignedOut } from './api'
import { router } from './router'
import { forgetSession } from './session'
import './styles.css'

whenSignedOut(() => {
  forgetSession()
  const here = router.currentRoute.value
  if (!here.meta.public) void router.replace({ path: '/login', query: { next: here.fullPath } })
})

createApp(App).use(router).mount('#app')
