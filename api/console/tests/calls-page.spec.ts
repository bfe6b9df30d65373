import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import CallsPage from '../src/pages/CallsPage.vue'
import { session } from '../src/session'
import type { Call, Caller } from '../src/types'

const XSS = '<img src=x onerror=alert(1)>'

function call(overrides: Partial<Call>): Call {
  return {
    id: '00000000-0000-0000-0000-000000000001',
    direction: 'outbound',
    from: '+15550100',
    to: '+15550111',
    flow: 'hello',
    status: 'ringing',
    nodeId: 'node-1',
    createdAt: '2026-11-24T10:00:00.000Z',
    ringingAt: null,
    answeredAt: null,
    endedAt: null,
    durationSeconds: null,
    billSeconds: null,
    hangupCause: null,
    hangupCauseCode: null,
    sipCode: null,
    hungUpBy: null,
    metadata: {},
    live: null,
    ...overrides,
  }
}

function signedInAs(role: 'admin' | 'agent' | 'viewer') {
  session.caller = { kind: 'session', user: { role } } as unknown as Caller
  session.loaded = true
}

async function mountPage() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: CallsPage }] })
  await router.push('/calls')
  const wrapper = mount(CallsPage, { global: { plugins: [router] } })
  await flushPromises()
  return wrapper
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('the calls page', () => {
  it('lists calls, markup in them as text, and asks again for changes', async () => {
    vi.useFakeTimers()
    signedInAs('viewer')
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response(JSON.stringify({ data: [call({ flow: XSS })], nextCursor: null })))
      .mockResolvedValue(new Response(JSON.stringify({ data: [call({ status: 'in-progress' })], nextCursor: null })))
    vi.stubGlobal('fetch', fetch)

    const wrapper = await mountPage()

    expect(wrapper.get('[data-testid=calls] tbody').text()).toContain(XSS)
    expect(wrapper.find('[data-testid=calls] img').exists()).toBe(false)
    expect(wrapper.get('[data-testid=status]').text()).toBe('ringing')
    await vi.advanceTimersByTimeAsync(1100)
    await flushPromises()
    expect(wrapper.get('[data-testid=status]').text()).toBe('in-progress')
    expect(String(fetch.mock.calls[0][0])).toBe('/v1/calls?limit=25')
    wrapper.unmount()
  })

  it('sends the filters the API takes', async () => {
    signedInAs('viewer')
    const fetch = vi.fn().mockImplementation(async () => new Response(JSON.stringify({ data: [], nextCursor: null })))
    vi.stubGlobal('fetch', fetch)
    const wrapper = await mountPage()

    await wrapper.get('select[name=status]').setValue('completed')
    await wrapper.get('input[name=filter-to]').setValue('+15550111')
    await wrapper.get('form[aria-label="Filter calls"]').trigger('submit')
    await flushPromises()

    expect(String(fetch.mock.calls.at(-1)![0])).toBe('/v1/calls?limit=25&status=completed&to=%2B15550111')
    expect(wrapper.text()).toContain('No calls match.')
    wrapper.unmount()
  })

  it('offers to place a call to agents and admins, not to viewers', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => new Response(JSON.stringify({ data: [], nextCursor: null }))))
    signedInAs('viewer')
    const viewer = await mountPage()
    expect(viewer.find('form[aria-label="Place a call"]').exists()).toBe(false)
    viewer.unmount()

    signedInAs('agent')
    const agent = await mountPage()
    expect(agent.find('form[aria-label="Place a call"]').exists()).toBe(true)
    agent.unmount()
  })
})
