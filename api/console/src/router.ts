import { createRouter, createWebHistory } from 'vue-router'
import { loadSession, session } from './session'

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/', redirect: '/overview' },
    { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { public: true, title: 'Log in' } },
    { path: '/invite', component: () => import('./pages/InvitePage.vue'), meta: { public: true, title: 'Accept your invitation' } },
    { path: '/overview', component: () => import('./pages/OverviewPage.vue'), meta: { title: 'Overview' } },
    { path: '/calls', component: () => import('./pages/CallsPage.vue'), meta: { title: 'Calls' } },
    { path: '/calls/:id', component: () => import('./pages/CallPage.vue'), props: true, meta: { title: 'Call' } },
    { path: '/numbers', component: () => import('./pages/NumbersPage.vue'), meta: { title: 'Numbers' } },
    { path: '/webhooks', component: () => import('./pages/WebhooksPage.vue'), meta: { title: 'Webhooks' } },
    { path: '/api-keys', component: () => import('./pages/ApiKeysPage.vue'), meta: { title: 'API keys', admin: true } },
    { path: '/contacts', component: () => import('./pages/ContactsPage.vue'), meta: { title: 'Contacts' } },
    { path: '/users', component: () => import('./pages/UsersPage.vue'), meta: { title: 'Users', admin: true } },
    { path: '/:rest(.*)*', component: () => import('./pages/NotFoundPage.vue'), meta: { title: 'Not found' } },
  ],
})

router.beforeEach(async (to) => {
  if (!session.loaded) await loadSession().catch(() => null)
  if (to.meta.public) return true
  if (!session.caller) return { path: '/login', query: to.fullPath !== '/overview' ? { next: to.fullPath } : {} }
  if (to.meta.admin && session.caller.user?.role !== 'admin') return { path: '/overview' }
  return true
})

router.afterEach((to) => {
  document.title = `${(to.meta.title as string) ?? 'IRISX'} · IRISX console`
})
