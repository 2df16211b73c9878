import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startCopilotReplicas, type CopilotReplicas } from '../../test-support/mock-upstreams/copilot-replicas'
import { loadClientCaptures } from '../../test-support/load-client-captures'
import { startTestHost, type TestHost } from '../../test-support/start-test-host'

/** The github-copilot provider through a real gateway against the strict GitHub and Copilot replicas. */
let replicas: CopilotReplicas
let gateway: TestHost
let githubToken: string
beforeAll(async () => {
  replicas = await startCopilotReplicas()
  const provider = replicas.provider({ id: 'cop', smallModel: 'gpt-4.1' })
  githubToken = provider.apiKey as string
  gateway = await startTestHost({ config: { settings: { shutdownTimeoutMs: 200, logLevel: 'debug' }, providers: [provider] } })
})
afterAll(async () => {
  await gateway?.close()
  await replicas?.close()
})

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
const get = (path: string) => fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${gateway.apiKey}` } })
const lastCopilotRequest = () => replicas.copilot.requests.filter((request) => request.method === 'POST').at(-1)!
const chat = (content: unknown, model = 'cop:gpt-4.1', extra: Record<string, unknown> = {}) => post('/v1/chat/completions', { model, messages: [{ role: 'user', content }], ...extra })

const captures = loadClientCaptures()
const capture = (name: string) => {
  const found = captures.find((candidate) => candidate.name === name)
  if (!found) throw new Error(`no capture ${name}`)
  return found
}
async function replay(name: string, model = 'cop:claude-sonnet-4.5') {
  const recorded = capture(name)
  const headers = Object.fromEntries(Object.entries(recorded.headers).filter(([header]) => header.startsWith('anthropic-') || header.startsWith('x-claude')))
  const response = await post(`${recorded.path}?beta=true`, { ...recorded.body, model }, headers)
  await response.text()
  return { response, upstream: lastCopilotRequest() }
}

describe('requests to the Copilot API', () => {
  test('carry the Copilot token and the editor headers Copilot requires', async () => {
    const response = await chat('hi')
    expect(response.status).toBe(200)
    const { headers } = lastCopilotRequest()
    expect(headers.authorization).toMatch(/^Bearer tid=/)
    expect(headers).toMatchObject({
      'copilot-integration-id': 'vscode-chat',
      'editor-version': expect.stringMatching(/^vscode\//),
      'editor-plugin-version': expect.stringMatching(/^copilot-chat\//),
      'user-agent': expect.stringMatching(/^GitHubCopilotChat\//),
      'openai-intent': 'conversation-panel',
      'x-github-api-version': '2025-04-01',
      'x-initiator': 'user',
    })
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(headers).not.toHaveProperty('copilot-vision-request')
  })

  test('an image adds copilot-vision-request (the replica refuses images without it)', async () => {
    const response = await chat([{ type: 'text', text: 'what is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }])
    expect(response.status).toBe(200)
    expect(lastCopilotRequest().headers['copilot-vision-request']).toBe('true')
  })

  test('the API host comes from the token exchange (endpoints.api), as for enterprise seats', async () => {
    await chat('hi')
    expect(replicas.copilot.requests.length).toBeGreaterThan(0)
    expect(lastCopilotRequest().path).toBe('/chat/completions')
  })

  test.each([
    ['cop:gpt-4.1', '/chat/completions'],
    ['cop:claude-sonnet-4.5', '/v1/messages'],
    ['cop:gpt-5.1-codex', '/responses'],
  ])('%s goes to %s (its supported_endpoints)', async (model, path) => {
    for (const stream of [false, true]) {
      const response = await chat('hi', model, { stream })
      expect(response.status).toBe(200)
      const text = await response.text()
      const content = stream ? [...text.matchAll(/"content":"([^"]*)"/g)].map((match) => match[1]).join('') : text
      expect(content).toContain('Hello from the mock upstream.')
      expect(lastCopilotRequest().path).toBe(path)
    }
  })

  test('a Responses-only model runs a tool loop through the Responses adapter', async () => {
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }]
    const first = await chat('TOOLCALL:get_weather:{"city":"Paris"}', 'cop:gpt-5.1-codex', { tools })
    const call = ((await first.json()) as { choices: Array<{ message: { tool_calls: Array<{ id: string; function: { name: string; arguments: string } }> } }> }).choices[0]!.message.tool_calls[0]!
    expect(call.function).toEqual({ name: 'get_weather', arguments: '{"city":"Paris"}' })
    const second = await post('/v1/chat/completions', {
      model: 'cop:gpt-5.1-codex',
      tools,
      messages: [
        { role: 'user', content: 'TOOLCALL:get_weather:{"city":"Paris"}' },
        { role: 'assistant', content: null, tool_calls: [{ id: call.id, type: 'function', function: call.function }] },
        { role: 'tool', tool_call_id: call.id, content: 'sunny' },
      ],
    })
    expect(((await second.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content).toBe('Tool said: sunny')
    expect(lastCopilotRequest().headers['x-initiator']).toBe('agent')
  })

  test('GET /v1/models lists Copilot models with their version', async () => {
    const response = await get('/v1/models')
    const ids = ((await response.json()) as { data: Array<{ id: string }> }).data.map((model) => model.id)
    expect(ids).toEqual(expect.arrayContaining(['cop:gpt-4.1', 'cop:claude-sonnet-4.5', 'cop:gpt-5.1-codex']))
  })
})

describe('premium-request savings on captured Claude Code turns', () => {
  test('the prompt turn is X-Initiator user; the tool-result turn is agent', async () => {
    const prompt = await replay('claude-code/07-tool-roundtrip-bash/0003-POST-v1_messages.json')
    expect(prompt.response.status).toBe(200)
    expect(prompt.upstream).toMatchObject({ path: '/v1/messages', headers: { 'x-initiator': 'user' }, body: { model: 'claude-sonnet-4.5' } })
    const toolTurn = await replay('claude-code/07-tool-roundtrip-bash/0004-POST-v1_messages.json')
    expect(toolTurn.response.status).toBe(200)
    expect(toolTurn.upstream).toMatchObject({ path: '/v1/messages', headers: { 'x-initiator': 'agent' } })
  })

  test.each([
    ['the title call', 'claude-code/07-tool-roundtrip-bash/0002-POST-v1_messages.json'],
    ['the compaction call', 'claude-code/09-interactive-tui/0018-POST-v1_messages.json'],
  ])('%s goes to smallModel, not as a user prompt', async (_label, name) => {
    const { response, upstream } = await replay(name)
    expect(response.status).toBe(200)
    expect(upstream).toMatchObject({ path: '/chat/completions', headers: { 'x-initiator': 'agent' }, body: { model: 'gpt-4.1' } })
  })

  test('a warm-up goes to smallModel', async () => {
    const response = await post('/v1/messages', { model: 'cop:claude-sonnet-4.5', max_tokens: 100, messages: [{ role: 'user', content: 'Warmup' }], tools: [{ name: 'Bash', input_schema: { type: 'object' } }] })
    expect(response.status).toBe(200)
    expect(lastCopilotRequest()).toMatchObject({ path: '/chat/completions', body: { model: 'gpt-4.1' } })
  })

  test('an ordinary prompt stays on its model', async () => {
    const { upstream } = await replay('claude-code/01-print-default-model/0002-POST-v1_messages.json')
    expect(upstream.body).toMatchObject({ model: 'claude-sonnet-4.5' })
  })

  test('one log line per request says why it counted as premium or not', async () => {
    const response = await chat('count me')
    const requestId = response.headers.get('x-request-id')!
    const line = gateway.consoleLines.find((text) => text.includes(requestId) && text.includes('premium'))
    expect(line).toMatch(/counts as premium: the last turn is a plain user message/)
  })
})

describe('the Copilot token', () => {
  test('is exchanged once and shared by concurrent requests', async () => {
    const before = replicas.github.copilotTokensIssued()
    const responses = await Promise.all([chat('a'), chat('b'), chat('c')])
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200])
    expect(replicas.github.copilotTokensIssued()).toBe(before)
  })

  test('a 401 from Copilot (expired early) exchanges a fresh token and retries once', async () => {
    replicas.github.expireCopilotTokens()
    const before = replicas.github.copilotTokensIssued()
    const response = await chat('hi')
    expect(response.status).toBe(200)
    expect(replicas.github.copilotTokensIssued()).toBe(before + 1)
  })

  test('GET /token is masked (first 4 + last 4)', async () => {
    const body = (await (await get('/token')).json()) as { token: string; masked: boolean; instanceId: string }
    expect(body).toMatchObject({ instanceId: 'cop', masked: true })
    expect(body.token).toMatch(/^tid=….{4}$/)
  })

  test('GET /usage answers the quota snapshot', async () => {
    const response = await get('/usage')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ copilot_plan: 'individual', quota_snapshots: { premium_interactions: { entitlement: 300, remaining: 255 } } })
  })

  test('the admin contract serves providers:usage and refuses a sign-in for other types clearly', async () => {
    const usage = await post('/api/admin/providers:usage', { id: 'cop' })
    expect(await usage.json()).toMatchObject({ ok: true, value: { copilot_plan: 'individual' } })
    const unknown = await post('/api/admin/providers:usage', { id: 'nope' })
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_provider' } })
  })

  test('no token reaches the SQLite file or the log', async () => {
    await chat('one more')
    const copilotToken = lastCopilotRequest().headers.authorization!.slice('Bearer '.length)
    gateway.host.gatewayLogger.flush()
    const database = readFileSync(join(gateway.dataDir, 'omnillm.db')).toString('latin1')
    const log = readFileSync(join(gateway.dataDir, 'logs', 'omnillm.log'), 'utf8') + gateway.consoleLines.join('')
    for (const secret of [githubToken, copilotToken]) {
      expect(database).not.toContain(secret)
      expect(log).not.toContain(secret)
    }
  })

  test('a revoked GitHub token reaches the client as a clear 401 in its own dialect', async () => {
    replicas.github.revokeGithubToken(githubToken)
    replicas.github.expireCopilotTokens()
    const response = await post('/v1/messages', { model: 'cop:claude-sonnet-4.5', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] })
    expect(response.status).toBe(401)
    const body = (await response.json()) as { type: string; error: { type: string; message: string } }
    expect(body).toMatchObject({ type: 'error', error: { type: 'authentication_error' } })
    expect(body.error.message).toMatch(/GitHub rejected the GitHub token of provider "cop" \(revoked or expired\); sign in again with `omnillm auth github-copilot --id cop`/)
    const chatResponse = await chat('hi')
    expect(chatResponse.status).toBe(401)
    expect(await chatResponse.json()).toMatchObject({ error: { type: 'authentication_error' } })
  })
})
