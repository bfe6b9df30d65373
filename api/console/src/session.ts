import { reactive } from 'vue'
import { ApiProblem, del, get, post, useCsrfToken } from './api'
import type { Caller, Role } from './types'

/** Who is signed in; null once known to be nobody. */
export const session = reactive<{ caller: Caller | null; loaded: boolean }>({
  caller: null,
  loaded: false,
})

function signedIn(caller: Caller | null) {
  session.caller = caller
  session.loaded = true
  useCsrfToken(caller?.csrfToken ?? null)
}

export async function loadSession(): Promise<Caller | null> {
  try {
    signedIn(await get<Caller>('/v1/session'))
  } catch (e) {
    if (!(e instanceof ApiProblem) || e.status !== 401) throw e
    signedIn(null)
  }
  return session.caller
}

export async function logIn(email: string, password: string): Promise<Caller> {
  const caller = await post<Caller>('/v1/session', { email, password })
  signedIn(caller)
  return caller
}

export async function acceptInvitation(token: string, password: string, name: string) {
  const caller = await post<Caller>(`/v1/invitations/${encodeURIComponent(token)}`, {
    password,
    ...(name.trim() ? { name: name.trim() } : {}),
  })
  signedIn(caller)
  return caller
}

export async function logOut() {
  try {
    await del('/v1/session')
  } finally {
    signedIn(null)
  }
}

export function forgetSession() {
  signedIn(null)
}

export function role(): Role | null {
  return session.caller?.user?.role ?? null
}

/** What the signed-in role may do; the API checks the same on every request. */
export const can = {
  placeCalls: () => role() === 'admin' || role() === 'agent',
  steerCalls: () => role() === 'admin' || role() === 'agent',
  editContacts: () => role() === 'admin' || role() === 'agent',
  administer: () => role() === 'admin',
}
