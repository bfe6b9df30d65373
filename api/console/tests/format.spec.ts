import { describe, expect, it } from 'vitest'
import { bytes, isFinal, json, percent, seconds, temporalLink } from '../src/format'

describe('format', () => {
  it('knows the final statuses', () => {
    expect(isFinal('completed')).toBe(true)
    expect(isFinal('no-answer')).toBe(true)
    expect(isFinal('in-progress')).toBe(false)
  })

  it('writes durations, sizes and rates', () => {
    expect(seconds(65)).toBe('1m 5s')
    expect(seconds(null)).toBe('—')
    expect(bytes(2048)).toBe('2.0 KiB')
    expect(percent(0.756)).toBe('76%')
    expect(percent(null)).toBe('—')
  })

  it('links a call to its workflow in the Temporal UI', () => {
    expect(temporalLink('http://127.0.0.1:8233', 'default', 'abc')).toBe(
      'http://127.0.0.1:8233/namespaces/default/workflows/call-abc',
    )
    expect(temporalLink(null, 'default', 'abc')).toBeNull()
  })

  it('shows JSON as text', () => {
    expect(json({ a: '<img src=x onerror=alert(1)>' })).toContain('<img src=x onerror=alert(1)>')
  })
})
