// The console end to end, in a real headless Chromium (Debian's, driven by playwright-core) against
// a running dev stack. Started by ConsoleBrowserTest (./mvnw verify), which starts the stack, scripts
// the simulated far end and passes what this needs in IRISX_E2E_* variables.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const env = (name: string) => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run this through ConsoleBrowserTest`)
  return value
}

const manifest = JSON.parse(readFileSync(env('IRISX_E2E_MANIFEST'), 'utf8'))
const api: string = manifest.apiUrl
const consoleUrl: string = manifest.consoleUrl
const screenshots = env('IRISX_E2E_SCREENSHOTS')
const hookUrl = env('IRISX_E2E_HOOK_URL')
const callee = env('IRISX_E2E_CALLEE')
const xssCallId = env('IRISX_E2E_XSS_CALL_ID')
const XSS = '<img src=x onerror=alert(1)>'
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const figures: Record<string, unknown> = {}

let browser: Browser
let admin: BrowserContext
let page: Page
const alerts: string[] = []

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } })
  context.on('page', watch)
  return context
}

function watch(p: Page) {
  p.on('dialog', async (dialog) => {
    if (dialog.type() === 'confirm') return dialog.accept()
    alerts.push(`${dialog.type()}: ${dialog.message()}`)
    return dialog.dismiss()
  })
}

async function logIn(p: Page, email: string, password: string) {
  await p.goto(consoleUrl + 'login')
  await p.getByLabel('Email').fill(email)
  await p.getByLabel('Password').fill(password)
  await p.getByRole('button', { name: 'Log in' }).click()
  await p.getByRole('heading', { name: 'Overview' }).waitFor()
}

/** axe-core in the page (evaluated over the DevTools protocol: the page's CSP allows no inline script). */
async function accessible(p: Page, name: string) {
  await p.evaluate(axeSource)
  const violations = await p.evaluate(async () => {
    // @ts-expect-error axe is the global axe.min.js defines
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      )
  })
  expect(violations, `axe on ${name}`).toEqual([])
}

async function shoot(p: Page, name: string) {
  await p.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true })
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function apiGet(path: string, key: string) {
  return fetch(api + path, { headers: { Authorization: `Bearer ${key}` } })
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  browser = await chromium.launch({
    executablePath: env('IRISX_E2E_CHROMIUM'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  })
  admin = await newContext()
  page = await admin.newPage()
})

afterAll(async () => {
  writeFileSync(join(env('IRISX_E2E_REPORT')), JSON.stringify(figures, null, 2))
  await browser?.close()
})

describe('the IRISX console', () => {
  it('logs in, and the login page is accessible', async () => {
    const anonymous = await newContext()
    const login = await anonymous.newPage()
    await login.goto(consoleUrl + 'calls')
    await login.getByRole('heading', { name: 'Log in to IRISX' }).waitFor()
    await login.getByLabel('Email').fill(manifest.consoleEmail)
    await login.getByLabel('Password').fill('not the password')
    await login.getByRole('button', { name: 'Log in' }).click()
    await login.getByRole('alert').filter({ hasText: 'email or the password is wrong' }).waitFor()
    await accessible(login, 'login')
    await shoot(login, 'login')
    await anonymous.close()

    await logIn(page, manifest.consoleEmail, manifest.consolePassword)
    await page.getByTestId('up-now').waitFor()
    await accessible(page, 'overview')
    await shoot(page, 'overview')
  })

  it('renders the calls page with a thousand calls quickly', async () => {
    const started = Date.now()
    await page.goto(consoleUrl + 'calls')
    await page.locator('tr[data-call-id]').first().waitFor()
    const navigation = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      return { domContentLoaded: entry.domContentLoadedEventEnd, now: performance.now() }
    })
    figures.callsPageFirstRowMs = navigation.now
    figures.callsPageDomContentLoadedMs = navigation.domContentLoaded
    figures.callsPageWallMs = Date.now() - started
    expect(await page.locator('tr[data-call-id]').count()).toBe(25)
    await accessible(page, 'calls')

    // What one poll of the open list costs: the same request, twenty times in a row.
    const times: number[] = []
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now()
      expect((await apiGet('/v1/calls?limit=25', manifest.apiKey)).status).toBe(200)
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    figures.listPollMedianMs = times[10]
  })

  it('adds a webhook endpoint and shows its secret once', async () => {
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click()
    await page.getByLabel('URL').fill(hookUrl)
    await page.getByRole('button', { name: 'Add endpoint' }).click()
    await expect.poll(() => page.getByTestId('secret').textContent()).toMatch(/^whsec_/)
    await accessible(page, 'webhooks')
    await shoot(page, 'webhooks')
  })

  it('places a call and watches it ring, go in progress and complete without a reload', async () => {
    await page.getByRole('link', { name: 'Calls', exact: true }).click()
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42))
    await page.getByLabel('From', { exact: true }).fill('+15550100')
    await page.getByLabel('To', { exact: true }).fill(callee)
    await page.getByLabel('Flow', { exact: true }).first().fill('hello')
    await page.getByLabel('Record the call').check()
    await page.getByRole('button', { name: 'Place call' }).click()
    const link = page.getByRole('status').getByRole('link')
    await link.waitFor()
    const callId = (await link.getAttribute('href'))!.split('/').pop()!
    figures.callId = callId

    // The page's view and the API's, side by side, every 50 ms.
    const seenInPage: { status: string; at: number }[] = []
    const seenInApi: { status: string; at: number }[] = []
    const badge = page.locator(`tr[data-call-id="${callId}"] [data-testid=status]`)
    await until('the call to complete in the page', async () => {
      const [inPage, inApi] = await Promise.all([
        badge.textContent({ timeout: 1000 }).catch(() => null),
        apiGet(`/v1/calls/${callId}`, manifest.apiKey).then((r) => r.json()).then((c) => c.status as string),
      ])
      const now = Date.now()
      if (inPage && seenInPage.at(-1)?.status !== inPage) seenInPage.push({ status: inPage, at: now })
      if (seenInApi.at(-1)?.status !== inApi) seenInApi.push({ status: inApi, at: now })
      return inPage === 'completed'
    }, 60_000)

    const order = seenInPage.map((s) => s.status)
    // The far end rings 2 s (the dev stack's ring timeout is 3 s): the call says it rings while it
    // rings, and the page shows it.
    expect(order, JSON.stringify({ page: seenInPage, api: seenInApi })).toContain('ringing')
    expect(order).toContain('in-progress')
    expect(order.indexOf('ringing')).toBeLessThan(order.indexOf('in-progress'))
    expect(order.at(-1)).toBe('completed')
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42)
    figures.statusChanges = seenInPage.map((s) => {
      const api = seenInApi.find((a) => a.status === s.status)
      return { status: s.status, pageLagMs: api ? s.at - api.at : null }
    })
    await shoot(page, 'calls')
  })

  it('opens the call: its record, timeline, recording, deliveries; redelivers one', async () => {
    const callId = figures.callId as string
    await page.locator(`tr[data-call-id="${callId}"] a`).click()
    await page.getByTestId('cdr').waitFor()
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('call.answered')
    expect(await page.getByTestId('timeline').locator('li').count()).toBeGreaterThan(3)
    if (manifest.temporalUiUrl) {
      expect(await page.getByRole('link', { name: 'Open its history in the Temporal UI' }).getAttribute('href')).toBe(
        `${manifest.temporalUiUrl}/namespaces/default/workflows/call-${callId}`,
      )
    }

    const audio = page.locator('[data-testid=recording] audio')
    await audio.waitFor({ timeout: 60_000 })
    const played = await audio.evaluate(async (el: HTMLAudioElement) => {
      await el.play()
      const start = performance.now()
      while (el.currentTime === 0 && !el.ended && performance.now() - start < 10_000) {
        await new Promise((r) => setTimeout(r, 50))
      }
      return { duration: el.duration, currentTime: el.currentTime, ended: el.ended, error: el.error?.code ?? null }
    })
    expect(played.error).toBeNull()
    expect(played.currentTime > 0 || played.ended).toBe(true)
    expect(await page.getByRole('link', { name: 'Download' }).getAttribute('href')).toContain('X-Amz-Signature')

    const completed = page.locator('[data-testid=deliveries] tr', { hasText: 'call.completed' }).first()
    await until('the call.completed delivery to succeed', async () =>
      (await completed.locator('[data-testid=status]').textContent().catch(() => null)) === 'succeeded',
    )
    await completed.getByRole('button', { name: 'Attempts' }).click()
    await expect.poll(() => page.getByTestId('attempt').count()).toBe(1)
    await completed.getByRole('button', { name: 'Redeliver' }).click()
    await page.getByRole('status').filter({ hasText: 'Redelivery started' }).waitFor()
    await expect.poll(() => page.getByTestId('attempt').count(), { timeout: 30_000 }).toBe(2)
    await accessible(page, 'call')
    await shoot(page, 'call')
  })

  it('makes an API key, shows it once, and a revoked key is refused', async () => {
    await page.getByRole('link', { name: 'API keys' }).click()
    await page.getByLabel('Name').fill('e2e key')
    await page.getByRole('button', { name: 'Make key' }).click()
    const key = (await page.getByTestId('secret').textContent())!.trim()
    expect((await apiGet('/v1/calls?limit=1', key)).status).toBe(200)
    await page.getByRole('button', { name: 'Done' }).click()
    await accessible(page, 'api-keys')
    await shoot(page, 'api-keys')

    await page.locator('tr[data-key-name="e2e key"]').getByRole('button', { name: 'Revoke' }).click()
    await page.locator('tr[data-key-name="e2e key"]').waitFor({ state: 'detached' })
    expect((await apiGet('/v1/calls?limit=1', key)).status).toBe(401)
  })

  it('shows markup in contacts and call metadata as text', async () => {
    await page.getByRole('link', { name: 'Contacts' }).click()
    await page.getByLabel('First name').fill(XSS)
    await page.getByLabel('Notes').fill('<script>alert(2)</script>')
    await page.getByRole('button', { name: 'Add contact' }).click()
    await page.getByTestId('contacts').getByText(XSS, { exact: true }).waitFor()
    expect(await page.getByTestId('contacts').locator('img, script').count()).toBe(0)
    await accessible(page, 'contacts')
    await shoot(page, 'contacts')

    await page.goto(consoleUrl + 'calls/' + xssCallId)
    await page.getByTestId('metadata').waitFor()
    expect(await page.getByTestId('metadata').textContent()).toContain(XSS)
    expect(await page.locator('main img').count()).toBe(0)
    await page.waitForTimeout(300) // give an injected handler the chance to fire
    expect(alerts).toEqual([])
  })

  it('adds a number with its flow and params', async () => {
    await page.getByRole('link', { name: 'Numbers' }).click()
    await page.getByLabel('Number', { exact: true }).fill('+15557' + String(Date.now()).slice(-6))
    await page.getByLabel('Flow').fill('reminder')
    await page.getByLabel('Params (JSON)').fill('{"message":"say:Your appointment is at nine."}')
    await page.getByRole('button', { name: 'Add number' }).click()
    await page.getByText('Your appointment is at nine.').waitFor()
    await accessible(page, 'numbers')
    await shoot(page, 'numbers')
  })

  it('invites a viewer, who cannot place a call', async () => {
    await page.getByRole('link', { name: 'Users' }).click()
    const email = `viewer-${Date.now()}@example.com`
    await page.getByLabel('Email').fill(email)
    await page.locator('select[name=invite-role]').selectOption('viewer')
    await page.getByRole('button', { name: 'Invite' }).click()
    const link = (await page.getByTestId('secret').textContent())!.trim()
    await page.locator(`tr[data-email="${email}"]`).waitFor()
    await accessible(page, 'users')
    await shoot(page, 'users')

    const viewerContext = await newContext()
    const viewer = await viewerContext.newPage()
    await viewer.goto(link)
    await viewer.getByText(`with ${email}`).waitFor()
    await accessible(viewer, 'invite')
    await viewer.getByLabel('Password (12 characters or more)').fill('a long viewer password')
    await viewer.getByLabel('Password again').fill('a long viewer password')
    await viewer.getByRole('button', { name: 'Choose password and log in' }).click()
    await viewer.getByRole('heading', { name: 'Overview' }).waitFor()
    await viewer.getByRole('link', { name: 'Calls', exact: true }).click()
    await viewer.locator('tr[data-call-id]').first().waitFor()
    expect(await viewer.getByRole('button', { name: 'Place call' }).count()).toBe(0)
    expect(await viewer.getByRole('link', { name: 'Users' }).count()).toBe(0)
    const refused = await viewer.evaluate(async (to) => {
      const who = await (await fetch('/v1/session')).json()
      const r = await fetch('/v1/calls', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': who.csrfToken },
        body: JSON.stringify({ from: '+15550100', to, flow: 'hello' }),
      })
      return { status: r.status, type: (await r.json()).type }
    }, callee)
    expect(refused.status).toBe(403)
    expect(refused.type).toContain('role-forbidden')
    await viewerContext.close()
  })

  it('shows a user of tenant B nothing of tenant A', async () => {
    const operator = { Authorization: `Bearer ${manifest.operatorKey}`, 'Content-Type': 'application/json' }
    const tenant = await (
      await fetch(api + '/v1/admin/tenants', { method: 'POST', headers: operator, body: JSON.stringify({ name: 'Tenant B' }) })
    ).json()
    const email = `b-admin-${Date.now()}@example.com`
    const made = await fetch(api + `/v1/admin/tenants/${tenant.id}/users`, {
      method: 'POST',
      headers: operator,
      body: JSON.stringify({ email, password: 'tenant b password' }),
    })
    expect(made.status).toBe(201)

    const bContext = await newContext()
    const b = await bContext.newPage()
    await logIn(b, email, 'tenant b password')
    await b.getByRole('link', { name: 'Calls', exact: true }).click()
    await b.getByText('No calls match.').waitFor()
    await b.getByRole('link', { name: 'Contacts' }).click()
    await b.getByTestId('contacts').waitFor()
    expect(await b.getByTestId('contacts').locator('tbody tr').count()).toBe(0)
    await b.goto(consoleUrl + 'calls/' + figures.callId)
    await b.getByRole('alert').filter({ hasText: 'No call' }).waitFor()
    expect(await b.getByTestId('cdr').count()).toBe(0)
    await bContext.close()
  })
})
