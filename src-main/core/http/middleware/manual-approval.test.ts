import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startOpenAiChatMock, type OpenAiChatMock } from '../../test-support/mock-upstreams/openai-chat-mock'
import { rawRequest } from '../../test-support/raw-request'
import { startTestHost, type TestHost } from '../../test-support/start-test-host'

const chat = (content = 'hi') => JSON.stringify({ model: 'up:gpt-4o', messages: [{ role: 'user', content }] })
const messages = JSON.stringify({ model: 'up:gpt-4o', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] })

let upstream: OpenAiChatMock
let gateway: TestHost

function post(path: string, body: string, userAgent = 'approval-test/1.0') {
  return rawRequest(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json', 'user-agent': userAgent },
    body,
  })
}

async function admin(channel: string, input: unknown = {}) {
  const response = await post(`/api/admin/${channel}`, JSON.stringify(input))
  return JSON.parse(response.body) as { ok: boolean; value?: { enabled: boolean; timeoutSeconds: number; pending: Array<Record<string, unknown>> }; error?: { code: string } }
}

/** Polls the admin list until `count` requests wait (the request is in flight meanwhile). */
async function waitForPending(count: number) {
  for (let tries = 0; tries < 200; tries++) {
    const pending = (await admin('approvals:list')).value!.pending
    if (pending.length >= count) return pending
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`expected ${count} pending requests`)
}

const chatCalls = () => upstream.requests.filter((recorded) => recorded.path.endsWith('/chat/completions')).length

beforeAll(async () => {
  upstream = await startOpenAiChatMock({ apiKey: 'sk-up' })
  gateway = await startTestHost({
    flags: { manualApproval: true, manualApprovalTimeoutSeconds: 0.5 },
    config: { providers: [{ id: 'up', type: 'openai-compatible', baseUrl: upstream.url, apiKey: 'sk-up', models: ['gpt-4o'] }] },
  })
})
afterAll(async () => {
  await gateway.close()
  await upstream.close()
})

describe('manual approval (--manual)', () => {
  test('a request waits, listed with client, model and size; nothing reaches the upstream until it is approved', async () => {
    const before = chatCalls()
    const answer = post('/v1/chat/completions', chat())
    const [pending] = await waitForPending(1)
    expect(pending).toMatchObject({ clientIp: '127.0.0.1', userAgent: 'approval-test/1.0', method: 'POST', path: '/v1/chat/completions', model: 'up:gpt-4o', estimatedTokens: expect.any(Number) })
    expect(chatCalls()).toBe(before)
    expect((await admin('approvals:decide', { id: pending!.id, decision: 'approve' })).ok).toBe(true)
    const response = await answer
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).object).toBe('chat.completion')
    expect(chatCalls()).toBe(before + 1)
  })

  test('deny answers 403 in the caller dialect; a second decision on it is unknown_approval', async () => {
    const anthropic = post('/v1/messages', messages)
    const [pending] = await waitForPending(1)
    await admin('approvals:decide', { id: pending!.id, decision: 'deny' })
    const response = await anthropic
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body)).toEqual({ type: 'error', error: { type: 'permission_error', message: expect.stringContaining('denied this request') } })
    expect(await admin('approvals:decide', { id: pending!.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'unknown_approval' } })
  })

  test('nobody decides: denied after the timeout, in OpenAI shape', async () => {
    const response = await post('/v1/chat/completions', chat())
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body).error).toMatchObject({ type: 'permission_error', code: 'approval_timeout' })
    expect((await admin('approvals:list')).value!.pending).toEqual([])
  })

  test('a client that hangs up while waiting leaves the list, and the upstream never hears of it', async () => {
    const before = chatCalls()
    const outgoing = request(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      agent: false,
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
    })
    outgoing.on('error', () => {})
    outgoing.end(chat())
    await waitForPending(1)
    outgoing.destroy()
    for (let tries = 0; tries < 100 && (await admin('approvals:list')).value!.pending.length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect((await admin('approvals:list')).value!.pending).toEqual([])
    expect(chatCalls()).toBe(before)
  })

  test('always-allow lets that client through without asking; another client still waits', async () => {
    const first = post('/v1/chat/completions', chat(), 'trusted-agent/2')
    const [pending] = await waitForPending(1)
    await admin('approvals:decide', { id: pending!.id, decision: 'always-allow', minutes: 5 })
    expect((await first).status).toBe(200)
    expect((await post('/v1/chat/completions', chat(), 'trusted-agent/2')).status).toBe(200)

    const stranger = post('/v1/chat/completions', chat(), 'stranger/1')
    const [waiting] = await waitForPending(1)
    expect(waiting!.userAgent).toBe('stranger/1')
    await admin('approvals:decide', { id: waiting!.id, decision: 'deny' })
    expect((await stranger).status).toBe(403)
  })

  test('the admin event stream pushes each waiting request and its outcome', async () => {
    const events = await fetch(`${gateway.url}/api/admin/events`, { headers: { authorization: `Bearer ${gateway.apiKey}` } })
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += (await reader.read()).value ?? ''
    }
    await readUntil('event: status')
    const answer = post('/v1/chat/completions', chat(), 'evented/1')
    await readUntil('event: approval')
    const [pending] = await waitForPending(1)
    expect(text).toContain(`"type":"pending"`)
    expect(text).toContain(pending!.id as string)
    await admin('approvals:decide', { id: pending!.id, decision: 'deny' })
    await readUntil('"outcome":"denied"')
    expect((await answer).status).toBe(403)
    await reader.cancel()
  })

  test('reads and token counting do not wait', async () => {
    const models = await rawRequest(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${gateway.apiKey}` } })
    expect(models.status).toBe(200)
    expect((await post('/v1/messages/count_tokens', JSON.stringify({ model: 'up:gpt-4o', messages: [{ role: 'user', content: 'hi' }] }))).status).toBe(200)
    expect((await admin('approvals:list')).value).toEqual({ enabled: true, timeoutSeconds: 0.5, pending: [] })
  })
})

describe('without --manual', () => {
  test('approvals:list says it is off and requests go straight through', async () => {
    const plain = await startTestHost({ config: { providers: [{ id: 'up', type: 'openai-compatible', baseUrl: upstream.url, apiKey: 'sk-up', models: ['gpt-4o'] }] } })
    try {
      const listed = await rawRequest(`${plain.url}/api/admin/approvals:list`, { method: 'POST', headers: { authorization: `Bearer ${plain.apiKey}` } })
      expect(JSON.parse(listed.body)).toEqual({ ok: true, value: { enabled: false, timeoutSeconds: 0, pending: [] } })
      const answer = await rawRequest(`${plain.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${plain.apiKey}`, 'content-type': 'application/json' }, body: chat() })
      expect(answer.status).toBe(200)
    } finally {
      await plain.close()
    }
  })
})
