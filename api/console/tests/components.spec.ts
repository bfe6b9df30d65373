import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ApiProblem } from '../src/api'
import OneTimeSecret from '../src/components/OneTimeSecret.vue'
import ProblemMessage from '../src/components/ProblemMessage.vue'
import StackedBars from '../src/components/StackedBars.vue'
import StatusBadge from '../src/components/StatusBadge.vue'

const XSS = '<img src=x onerror=alert(1)>'

describe('components', () => {
  it('a status badge is toned by what the status means', () => {
    expect(mount(StatusBadge, { props: { status: 'completed' } }).classes()).toContain('ok')
    expect(mount(StatusBadge, { props: { status: 'ringing' } }).classes()).toContain('live')
    expect(mount(StatusBadge, { props: { status: 'failed' } }).classes()).toContain('bad')
  })

  it('a problem is read out as an alert, markup in it as text', () => {
    const wrapper = mount(ProblemMessage, {
      props: { error: new ApiProblem(422, 'x/validation-error', XSS, [{ field: 'to', message: 'bad' }]) },
    })
    expect(wrapper.get('[role=alert]').text()).toBe(`${XSS} — to: bad`)
    expect(wrapper.find('img').exists()).toBe(false)
  })

  it('no error, no alert', () => {
    expect(mount(ProblemMessage, { props: { error: null } }).find('[role=alert]').exists()).toBe(false)
  })

  it('a one-time secret is shown as text and dismissed', async () => {
    const wrapper = mount(OneTimeSecret, { props: { label: 'API key', value: XSS } })
    expect(wrapper.get('[data-testid=secret]').text()).toBe(XSS)
    expect(wrapper.find('img').exists()).toBe(false)
    await wrapper.findAll('button')[1].trigger('click')
    expect(wrapper.emitted('done')).toHaveLength(1)
  })

  it('stacked bars draw one rect per series per point, scaled to the highest bar', () => {
    const wrapper = mount(StackedBars, {
      props: {
        title: 'Calls',
        points: [
          { at: '2026-11-24T10:00:00.000Z', values: { completed: 3, failed: 1 } },
          { at: '2026-11-24T10:01:00.000Z', values: { completed: 2, failed: 0 } },
        ],
        series: [
          { key: 'completed', label: 'Completed', colour: '#080' },
          { key: 'failed', label: 'Failed', colour: '#800' },
        ],
      },
    })
    const rects = wrapper.findAll('rect')
    expect(rects).toHaveLength(4)
    expect(wrapper.text()).toContain('highest bar: 4')
    expect(Number(rects[0].attributes('height'))).toBeCloseTo(((3 / 4) * 170), 5)
    expect(wrapper.findAll('tbody tr')).toHaveLength(2)
  })
})
