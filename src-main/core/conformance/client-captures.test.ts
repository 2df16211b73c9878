import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { decodeSse, type SseEvent } from '../sse/decode-sse'
import { startConformanceGateway, upstreams, type ConformanceGateway } from '../test-support/start-conformance-gateway'
import { loadClientCaptures } from '../test-support/load-client-captures'

/**
 * Every request a real client sent (Claude Code, Codex, OpenCode, the SDKs; ../shared/fixtures) is
 * replayed through the gateway to each upstream dialect, and each answer is checked against the
 * grammar of the client's own protocol.
 */
const captures = loadClientCaptures()
let setup: ConformanceGateway

beforeAll(async () => {
  setup = await startConformanceGateway()
})
afterAll(() => setup.close())

/**
 * Pairs the strict upstream rightly refuses, as the real API would; the gateway must hand the refusal to
 * the client in its own dialect with the upstream's status.
 */
const expectedRejections: Record<string, Array<{ upstream: string; message: RegExp }>> = {
  // The recording tool signed this thinking block; an upstream only accepts signatures it issued.
  'claude-code/08-thinking-signature-echo/0003-POST-v1_messages.json': [
    { upstream: 'anthropic', message: /Invalid `signature` in `thinking` block/ },
    { upstream: 'github-copilot-claude', message: /Invalid `signature` in `thinking` block/ },
  ],
  // The openai SDK's client-side `parsed` echo; passthrough keeps the body as sent, and the API rejects the field.
  'sdk-openai/01-probe/0006-POST-v1_chat_completions.json': [
    { upstream: 'openai-compatible', message: /Unknown parameter: 'messages\[1\]\.parsed'/ },
    { upstream: 'azure-openai', message: /'parsed' was unexpected/ },
  ],
}

const droppedHeaders = new Set(['host', 'content-length', 'authorization', 'x-api-key', 'connection', 'accept-encoding', 'transfer-encoding'])

async function readEvents(response: Response): Promise<SseEvent[]> {
  const events: SseEvent[] = []
  const reader = decodeSse(response.body!).getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return events
    events.push(value)
  }
}

function expectAnthropicStream(events: SseEvent[]) {
  const types = events.map((event) => event.event)
  expect(types[0]).toBe('message_start')
  expect(types.at(-1)).toBe('message_stop')
  expect(types).toContain('message_delta')
  for (const event of events) expect((JSON.parse(event.data) as { type: string }).type).toBe(event.event)
}

function expectChatStream(events: SseEvent[]) {
  expect(events.at(-1)!.data).toBe('[DONE]')
  const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data) as { choices: Array<{ finish_reason?: string | null }> })
  for (const chunk of chunks) expect(Array.isArray(chunk.choices)).toBe(true)
  expect(chunks.some((chunk) => chunk.choices.some((choice) => choice.finish_reason))).toBe(true)
}

function expectResponsesStream(events: SseEvent[]) {
  const types = events.map((event) => event.event)
  expect(types[0]).toBe('response.created')
  expect(['response.completed', 'response.incomplete']).toContain(types.at(-1))
  events.forEach((event, index) => expect((JSON.parse(event.data) as { sequence_number: number }).sequence_number).toBe(index))
}

test('the captures are there', () => {
  expect(captures.length).toBeGreaterThan(60)
})

describe.each(upstreams)('captured client requests → $name upstream', ({ name: upstream, model }) => {
  test.each(captures.map((capture) => [capture.name, capture] as const))('%s', async (_name, capture) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${setup.gateway.apiKey}` }
    for (const [name, value] of Object.entries(capture.headers)) if (!droppedHeaders.has(name.toLowerCase())) headers[name] = value
    const query = new URLSearchParams(capture.query).toString()
    const response = await fetch(`${setup.gateway.url}${capture.path}${query ? `?${query}` : ''}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...capture.body, model }),
    })
    const contentType = response.headers.get('content-type') ?? ''
    const rejection = expectedRejections[capture.name]?.find((expected) => expected.upstream === upstream)
    if (rejection) {
      expect(response.status).toBe(400)
      const text = await response.text()
      expect(text).toMatch(rejection.message)
      expect(JSON.parse(text)).toMatchObject(capture.path.startsWith('/v1/messages') ? { type: 'error', error: { type: 'invalid_request_error' } } : { error: { type: 'invalid_request_error' } })
      return
    }
    if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`)

    if (capture.body.stream === true) {
      expect(contentType).toContain('text/event-stream')
      const events = await readEvents(response)
      if (capture.path === '/v1/messages') expectAnthropicStream(events)
      else if (capture.path === '/v1/chat/completions') expectChatStream(events)
      else expectResponsesStream(events)
      return
    }
    const body = (await response.json()) as Record<string, unknown>
    if (capture.path === '/v1/messages/count_tokens') expect(body.input_tokens).toBeGreaterThan(0)
    else if (capture.path === '/v1/messages') expect(body).toMatchObject({ type: 'message', role: 'assistant' })
    else if (capture.path === '/v1/chat/completions') expect(body).toMatchObject({ object: 'chat.completion' })
    else expect(body).toMatchObject({ object: 'response' })
  })
})
