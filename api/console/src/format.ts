// How the console writes values: dates in the reader's locale, durations, statuses.

export const FINAL_STATUSES = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled'])

export function isFinal(status: string): boolean {
  return FINAL_STATUSES.has(status)
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString()
}

export function seconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  const minutes = Math.floor(value / 60)
  const rest = value % 60
  return minutes > 0 ? `${minutes}m ${rest}s` : `${rest}s`
}

export function bytes(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  if (value < 1024) return `${value} B`
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KiB`
  return `${(value / 1024 / 1024).toFixed(1)} MiB`
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`
}

/** A JSON value as text for a <pre>: whatever it holds is shown, never interpreted. */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2)
}

/** A datetime-local input's value as an ISO-8601 UTC instant (empty stays empty). */
export function localToIso(local: string): string {
  if (!local) return ''
  const date = new Date(local)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

/** The Temporal UI's page for a call's workflow, when the API names a Temporal UI. */
export function temporalLink(
  uiUrl: string | null | undefined,
  namespace: string | null | undefined,
  callId: string,
): string | null {
  if (!uiUrl) return null
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace || 'default')}/workflows/${encodeURIComponent('call-' + callId)}`
}
