import { describe, expect, test } from 'vitest'
import { loadClientCaptures, type ClientCapture } from '../../test-support/load-client-captures'
import type { CifMessage } from '../../cif'
import { parseAnthropicCountTokensRequest } from './parse-anthropic-count-tokens-request'
import { parseAnthropicMessagesRequest } from './parse-anthropic-messages-request'

type Capture = ClientCapture

const anthropicCaptures = (): ClientCapture[] => loadClientCaptures().filter((capture) => (['/v1/messages', '/v1/messages/count_tokens'] as string[]).includes(capture.path))

const captures = anthropicCaptures()
const byName = (name: string): Capture => captures.find((capture) => capture.name === name)!

function parseCapture(capture: Capture) {
  return capture.path === '/v1/messages/count_tokens' ? parseAnthropicCountTokensRequest(capture.body, capture.headers) : parseAnthropicMessagesRequest(capture.body, capture.headers)
}

describe('every captured Anthropic client request parses', () => {
  test('the captures are all there', () => {
    const count = (prefix: string, path: string) => captures.filter((capture) => capture.name.startsWith(prefix) && capture.path === path).length
    expect(count('claude-code/', '/v1/messages')).toBe(21)
    expect(count('claude-code/', '/v1/messages/count_tokens')).toBe(13)
    expect(count('sdk-anthropic/', '/v1/messages')).toBe(7)
    expect(count('sdk-anthropic/', '/v1/messages/count_tokens')).toBe(1)
    expect(count('opencode/', '/v1/messages')).toBe(3)
    expect(count('sdk-ai/', '/v1/messages')).toBe(6)
  })

  test.each(captures.map((capture) => [capture.name, capture] as const))('%s', (_name, capture) => {
    const { request, warnings } = parseCapture(capture)
    expect(request.model).toBe(capture.body.model)
    expect(request.messages.length).toBeGreaterThan(0)
    expect(request.stream).toBe(capture.body.stream === true)
    // Real clients send nothing the gateway has to report as dropped.
    expect(warnings).toEqual([])
  })
})

describe('Claude Code requests, spot checks', () => {
  const roles = (messages: CifMessage[]) => messages.map((message) => message.role)

  test('the system prompt blocks keep their order and cache_control; the billing header block has none', () => {
    const { request } = parseCapture(byName('claude-code/08-thinking-signature-echo/0003-POST-v1_messages.json'))
    expect(request.system).toHaveLength(3)
    expect(request.system[0]).toEqual({ type: 'text', text: expect.stringMatching(/^x-anthropic-billing-header: /) })
    expect(request.system[1]).toEqual({ type: 'text', text: "You are a Claude agent, built on Anthropic's Claude Agent SDK.", cacheControl: { type: 'ephemeral' } })
    expect(request.system[2]!.cacheControl).toEqual({ type: 'ephemeral' })
  })

  test('the mid-conversation system message stays where it was; the tool_result user turn becomes a tool turn', () => {
    const { request } = parseCapture(byName('claude-code/08-thinking-signature-echo/0003-POST-v1_messages.json'))
    expect(roles(request.messages)).toEqual(['user', 'system', 'assistant', 'tool'])
    const system = request.messages[1]!
    expect(system.content).toEqual([{ type: 'text', text: expect.stringContaining('Available agent types for the Agent tool:') }])
  })

  test('the thinking block keeps its signature and Anthropic origin; the tool call its id, name and input', () => {
    const { request } = parseCapture(byName('claude-code/08-thinking-signature-echo/0003-POST-v1_messages.json'))
    expect(request.messages[2]).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'Mock reasoning about the request.', signature: 'EqMockSignaturewFep3wbMaFvHlKVdoqvL7A==', origin: { dialect: 'anthropic' } },
        {
          type: 'tool-call',
          toolCallId: 'toolu_8d05f3b53b2109e94eb9e7d0',
          toolName: 'Bash',
          kind: 'function',
          input: '{"command":"echo thinking-tool","description":"Echo test"}',
        },
      ],
    })
    expect(request.messages[3]).toEqual({
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'toolu_8d05f3b53b2109e94eb9e7d0',
          toolName: 'Bash',
          kind: 'function',
          content: [{ type: 'text', text: 'thinking-tool' }],
          isError: false,
          cacheControl: { type: 'ephemeral' },
        },
      ],
    })
  })

  test('cache_control on the last user block is kept; metadata.user_id stays the JSON string Claude Code sends', () => {
    const { request } = parseCapture(byName('claude-code/01-print-default-model/0002-POST-v1_messages.json'))
    const user = request.messages[0]!
    expect(user.role).toBe('user')
    expect(user.content.at(-1)).toMatchObject({ type: 'text', cacheControl: { type: 'ephemeral' } })
    expect(JSON.parse(request.user!)).toEqual({ device_id: expect.any(String), account_uuid: '', session_id: expect.any(String) })
  })

  test('adaptive thinking with effort, context_management as a dialect extra, every tool a function tool', () => {
    const { request } = parseCapture(byName('claude-code/01-print-default-model/0002-POST-v1_messages.json'))
    expect(request.reasoning).toEqual({ adaptive: true, effort: 'high' })
    expect(request.maxOutputTokens).toBe(64000)
    expect(request.dialectExtras).toEqual({ dialect: 'anthropic-messages', fields: { context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] } } })
    expect(request.tools!.length).toBeGreaterThan(20)
    expect(request.tools!.every((tool) => tool.type === 'function')).toBe(true)
    expect(request.tools!.find((tool) => tool.name === 'Bash')).toMatchObject({ type: 'function', inputSchema: { type: 'object', $schema: 'https://json-schema.org/draft/2020-12/schema' } })
  })

  test('haiku: a thinking budget; the title call: thinking off and a JSON schema answer format', () => {
    expect(parseCapture(byName('claude-code/03-print-model-haiku/0002-POST-v1_messages.json')).request.reasoning).toEqual({ enabled: true, budgetTokens: 31999 })
    const title = parseCapture(byName('claude-code/07-tool-roundtrip-bash/0002-POST-v1_messages.json')).request
    expect(title.reasoning).toEqual({ enabled: false, effort: 'high' })
    expect(title.responseFormat).toEqual({
      type: 'json-schema',
      schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'], additionalProperties: false },
    })
  })

  test('count_tokens: a string prompt, no max_tokens, an empty tool list means no tools', () => {
    const { request } = parseCapture(byName('claude-code/09-interactive-tui/0003-POST-v1_messages_count_tokens.json'))
    expect(request.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: expect.stringContaining('You are an interactive agent') }] }])
    expect(request.maxOutputTokens).toBeUndefined()
    expect(request.tools).toBeUndefined()
  })
})

describe('other Anthropic clients, spot checks', () => {
  test("OpenCode: eager_input_streaming rides along as a dialect option; cache_control on the tool_use and tool_result", () => {
    const { request } = parseCapture(byName('opencode/03-anthropic-tool-roundtrip/0003-POST-v1_messages.json'))
    expect(request.tools![0]).toMatchObject({ type: 'function', dialectOptions: { eager_input_streaming: true } })
    expect(request.toolChoice).toEqual({ type: 'auto' })
    expect(request.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool'])
    expect(request.messages[1]!.content[0]).toMatchObject({ type: 'tool-call', cacheControl: { type: 'ephemeral' } })
    expect(request.messages[2]!.content[0]).toMatchObject({ type: 'tool-result', toolName: 'bash', content: [{ type: 'text', text: 'hi-opencode\n' }] })
  })

  test('the Anthropic SDK: manual thinking budget', () => {
    expect(parseCapture(byName('sdk-anthropic/01-probe/0006-POST-v1_messages.json')).request.reasoning).toEqual({ enabled: true, budgetTokens: 1024 })
  })
})
