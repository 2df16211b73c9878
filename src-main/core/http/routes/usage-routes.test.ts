import { afterAll, beforeAll, expect, test } from 'vitest'
import { startCopilotReplicas, type CopilotReplicas } from '../../test-support/mock-upstreams/copilot-replicas'
import { startTestHost, type TestHost } from '../../test-support/start-test-host'

/** /usage and /token follow the active instance; sign-in runs over the admin HTTP transport. */
let replicas: CopilotReplicas
let gateway: TestHost
beforeAll(async () => {
  replicas = await startCopilotReplicas()
  gateway = await startTestHost({
    config: { settings: { shutdownTimeoutMs: 200 }, providers: [{ id: 'plain', type: 'openai-compatible', baseUrl: 'https://upstream.example/v1', apiKey: 'sk-test-0123456789' }, replicas.provider({ id: 'cop', signedIn: false })] },
  })
})
afterAll(async () => {
  await gateway?.close()
  await replicas?.close()
})

const headers = () => ({ authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' })
const admin = async (channel: string, input: unknown) => (await fetch(`${gateway.url}/api/admin/${channel}`, { method: 'POST', headers: headers(), body: JSON.stringify(input) })).json()

test('an active instance without usage answers 501 in OpenAI error shape; both routes need the API key', async () => {
  const usage = await fetch(`${gateway.url}/usage`, { headers: headers() })
  expect(usage.status).toBe(501)
  expect(await usage.json()).toMatchObject({ error: { code: 'usage_unsupported' } })
  expect((await fetch(`${gateway.url}/token`, { headers: headers() })).status).toBe(501)
  expect((await fetch(`${gateway.url}/usage`)).status).toBe(401)
  expect((await fetch(`${gateway.url}/token`)).status).toBe(401)
})

test('an instance that is not signed in says how to sign in', async () => {
  await admin('providers:set-active', { id: 'cop' })
  const usage = await fetch(`${gateway.url}/usage`, { headers: headers() })
  expect(usage.status).toBe(401)
  expect(((await usage.json()) as { error: { message: string } }).error.message).toMatch(/omnillm auth github-copilot --id cop/)
})

test('signIn:start answers at once with the device code; after approval the instance works', async () => {
  const started = (await admin('signIn:start', { instanceId: 'cop' })) as { ok: true; value: { flowId: string; status: string; progress: { userCode: string } } }
  expect(started).toMatchObject({ ok: true, value: { status: 'pending', progress: { step: 'device-code', verificationUri: 'https://github.com/login/device' } } })
  expect(await admin('signIn:list', {})).toMatchObject({ ok: true, value: [expect.objectContaining({ flowId: started.value.flowId })] })
  replicas.github.approve(started.value.progress.userCode)
  await expect.poll(async () => ((await admin('signIn:status', { flowId: started.value.flowId })) as { value: { status: string } }).value.status).toBe('succeeded')
  expect(await admin('signIn:status', { flowId: started.value.flowId })).toMatchObject({ value: { account: 'octocat' } })
  const usage = await fetch(`${gateway.url}/usage`, { headers: headers() })
  expect(usage.status).toBe(200)
  const cancelled = await admin('signIn:cancel', { flowId: started.value.flowId })
  expect(cancelled).toMatchObject({ ok: true, value: { status: 'succeeded' } })
  expect(await admin('signIn:start', { instanceId: 'plain' })).toMatchObject({ ok: false, error: { code: 'sign_in_unsupported' } })
})
