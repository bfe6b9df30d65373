import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem, post, get, query, useCsrfToken, whenSignedOut } from '../src/api'

function answer(status: number, body: unknown) {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
  useCsrfToken(null)
})

describe('request', () => {
  it('sends the CSRF token on writes only, with the cookie of this origin', async () => {
    const fetch = vi.fn().mockImplementation(async () => answer(201, { id: 'x' }))
    vi.stubGlobal('fetch', fetch)
    useCsrfToken('tok')

    await post('/v1/contacts', { firstName: 'A' })
    await get('/v1/contacts')

    const [, write] = fetch.mock.calls[0]
    const [, read] = fetch.mock.calls[1]
    expect(write.headers['X-CSRF-Token']).toBe('tok')
    expect(write.credentials).toBe('same-origin')
    expect(write.body).toBe('{"firstName":"A"}')
    expect(read.headers['X-CSRF-Token']).toBeUndefined()
  })

  it('turns a problem document into an ApiProblem naming each field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        answer(422, {
          type: 'https://irisx.io/problems/validation-error',
          detail: 'Invalid request',
          errors: [{ field: 'to', message: 'must be E.164' }],
        }),
      ),
    )

    const error = (await post('/v1/calls', {}).catch((e: unknown) => e)) as ApiProblem

    expect(error).toBeInstanceOf(ApiProblem)
    expect(error.slug).toBe('validation-error')
    expect(error.message).toBe('Invalid request — to: must be E.164')
  })

  it('tells the app when the session has ended', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(401, { type: 'x/unauthorized', detail: 'ended' })))
    const signedOut = vi.fn()
    whenSignedOut(signedOut)

    await get('/v1/calls').catch(() => undefined)

    expect(signedOut).toHaveBeenCalledOnce()
  })

  it('builds a query from the set values only', () => {
    expect(query({ status: 'ringing', to: '', cursor: null, limit: 25 })).toBe('?status=ringing&limit=25')
    expect(query({ to: '+15550111' })).toBe('?to=%2B15550111')
    expect(query({})).toBe('')
  })
})
