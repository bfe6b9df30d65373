// The API's representations, as the console reads them (see the API's /v1/openapi.json).

export type Role = 'admin' | 'agent' | 'viewer'

export interface User {
  id: string
  email: string
  name: string | null
  role: Role
  status: 'invited' | 'active' | 'disabled'
  lastLoginAt: string | null
  invitationExpiresAt: string | null
  createdAt: string
  invitationUrl: string | null
}

export interface Caller {
  kind: 'session' | 'api-key'
  tenantId: string
  tenantName: string | null
  user: User | null
  csrfToken: string | null
  expiresAt: string | null
  temporalUiUrl: string | null
  temporalNamespace: string | null
}

export interface Page<T> {
  data: T[]
  nextCursor: string | null
}

export interface LiveCall {
  status: string
  flow: string | null
  answered: boolean
  ended: boolean
  nodeId: string | null
}

export interface Call {
  id: string
  direction: 'inbound' | 'outbound'
  from: string
  to: string
  flow: string | null
  status: string
  nodeId: string | null
  createdAt: string
  ringingAt: string | null
  answeredAt: string | null
  endedAt: string | null
  durationSeconds: number | null
  billSeconds: number | null
  hangupCause: string | null
  hangupCauseCode: number | null
  sipCode: number | null
  hungUpBy: string | null
  metadata: Record<string, unknown>
  live: LiveCall | null
}

export interface CallEvent {
  sequence: number
  type: string
  status: string | null
  detail: unknown
  occurredAt: string
}

export interface Recording {
  id: string
  callId: string
  status: string
  contentType: string | null
  durationMillis: number | null
  sizeBytes: number | null
  createdAt: string
  failureReason: string | null
  url: string | null
}

export interface Attempt {
  number: number
  attemptedAt: string
  url: string
  outcome: string
  responseStatus: number | null
  latencyMillis: number | null
  responseBody: string | null
  error: string | null
}

export interface Delivery {
  id: string
  endpointId: string
  eventType: string
  callId: string | null
  status: string
  attemptCount: number
  lastAttemptAt: string | null
  nextAttemptAt: string | null
  responseStatus: number | null
  error: string | null
  deliveredAt: string | null
  createdAt: string
  attempts?: Attempt[]
}

export interface Webhook {
  id: string
  url: string
  description: string | null
  events: string[]
  status: string
  disabledReason: string | null
  disabledAt: string | null
  source: string
  failureCount: number
  lastSuccessAt: string | null
  lastFailureAt: string | null
  createdAt: string
  secret?: string
}

export interface PhoneNumber {
  id: string
  number: string
  friendlyName: string | null
  flow: string | null
  params: Record<string, unknown>
  status: string
  createdAt: string
}

export interface ApiKey {
  id: string
  name: string
  prefix: string
  scope: string
  createdAt: string
  lastUsedAt: string | null
  key?: string
}

export interface Contact {
  id: string
  firstName: string | null
  lastName: string | null
  phoneNumber: string | null
  email: string | null
  company: string | null
  tags: string[]
  notes: string | null
  metadata: Record<string, unknown>
  createdAt: string
}

export interface StatsBucket {
  at: string
  completed: number
  busy: number
  noAnswer: number
  failed: number
  canceled: number
  live: number
  answered: number
  webhookFailures: number
}

export interface CallStats {
  from: string
  to: string
  bucketSeconds: number
  buckets: StatsBucket[]
  calls: number
  answered: number
  answerRate: number | null
  webhookFailures: number
  callsUpNow: number
}
