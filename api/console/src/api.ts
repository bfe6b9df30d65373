// One way to call the API: same origin, the session cookie, the CSRF token on every write, and
// RFC 9457 problem documents turned into ApiProblem errors.

export interface FieldError {
  field: string
  message: string
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    // What a person reads: the detail, then each field's message.
    super([detail, ...errors.map((e) => `${e.field}: ${e.message}`)].filter(Boolean).join(' — '))
  }

  /** The problem type's last part, e.g. "validation-error". */
  get slug(): string {
    return this.type.substring(this.type.lastIndexOf('/') + 1)
  }
}

let csrfToken: string | null = null
let onSignedOut: () => void = () => {}

export function useCsrfToken(token: string | null) {
  csrfToken = token
}

/** Called when a request answers 401: the session ended (or was never there). */
export function whenSignedOut(handler: () => void) {
  onSignedOut = handler
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (WRITES.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status === 204) return undefined as T
  const text = await response.text()
  const json = text ? safeJson(text) : null
  if (!response.ok) {
    const problem = new ApiProblem(
      response.status,
      (json?.type as string) ?? 'about:blank',
      (json?.detail as string) ?? `${response.status} ${response.statusText}`,
      (json?.errors as FieldError[]) ?? [],
    )
    if (response.status === 401 && path !== '/v1/session') onSignedOut()
    throw problem
  }
  return json as T
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export const get = <T>(path: string) => request<T>('GET', path)
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {})
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body)
export const del = (path: string) => request<void>('DELETE', path)

/** A query string from the set values only. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}
