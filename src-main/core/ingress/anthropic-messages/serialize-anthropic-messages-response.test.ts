import { describe, expect, test } from 'vitest'
import type { CifResult } from '../../cif'
import { parseAnthropicMessagesRequest } from './parse-anthropic-messages-request'
import { serializeAnthropicMessagesResponse } from './serialize-anthropic-messages-response'

const context = { model: 'claude-sonnet-5', requestId: '0123456789abcdef', created: 1_700_000_000 }

function result(overrides: Partial<CifResult>): CifResult {
  return { content: [], finishReason: { unified: 'stop' }, usage: {}, warnings: [], ...overrides }
}

describe('CIF result → Message', () => {
  test('text, with the model the client asked for and usage split the Anthropic way', () => {
    const message = serializeAnthropicMessagesResponse(
      result({
        id: 'chatcmpl-1',
        model: 'gpt-upstream',
        content: [{ type: 'text', text: 'Hello.' }],
        usage: { inputTokens: 1000, outputTokens: 20, cacheReadTokens: 600, cacheWriteTokens: 100, cacheWrite5mTokens: 40, cacheWrite1hTokens: 60, reasoningTokens: 5 },
      }),
      context,
    )
    expect(message).toEqual({
      id: 'msg_0123456789abcdef',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-5',
      content: [{ type: 'text', text: 'Hello.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: 300,
        output_tokens: 20,
        cache_creation_input_tokens: 100,
        cache_read_input_tokens: 600,
        cache_creation: { ephemeral_5m_input_tokens: 40, ephemeral_1h_input_tokens: 60 },
        output_tokens_details: { thinking_tokens: 5 },
      },
    })
  })

  test('an upstream msg_ id is kept; unknown cache counts are 0 and the breakdown is left out', () => {
    const message = serializeAnthropicMessagesResponse(result({ id: 'msg_upstream', usage: { inputTokens: 12, outputTokens: 3 } }), context)
    expect(message.id).toBe('msg_upstream')
    expect(message.usage).toEqual({ input_tokens: 12, output_tokens: 3, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 })
  })

  test('thinking with its signature, redacted thinking, tool calls; stop says tool_use when calls are present', () => {
    const message = serializeAnthropicMessagesResponse(
      result({
        content: [
          { type: 'reasoning', text: 'Let me check.', signature: 'EqSig', origin: { dialect: 'anthropic' } },
          { type: 'reasoning', text: '', redactedData: 'Redacted', origin: { dialect: 'anthropic' } },
          { type: 'reasoning', text: 'chat reasoning_content', origin: { dialect: 'openai-chat' } },
          { type: 'reasoning', text: '', origin: { dialect: 'openai-chat' } },
          { type: 'tool-call', toolCallId: 'call_abc', toolName: 'get_weather', kind: 'function', input: '{"city":"Paris"}' },
          { type: 'tool-call', toolCallId: '', toolName: 'list', kind: 'function', input: '' },
          { type: 'tool-call', toolCallId: 'fc|1.2', toolName: 'broken', kind: 'function', input: '{"city":' },
          { type: 'tool-call', toolCallId: 'ctc_1', toolName: 'apply_patch', kind: 'custom', input: '*** Begin Patch' },
        ],
        finishReason: { unified: 'stop', raw: 'stop' },
      }),
      context,
    )
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Let me check.', signature: 'EqSig' },
      { type: 'redacted_thinking', data: 'Redacted' },
      { type: 'thinking', thinking: 'chat reasoning_content', signature: '' },
      { type: 'tool_use', id: 'call_abc', name: 'get_weather', input: { city: 'Paris' } },
      { type: 'tool_use', id: expect.stringMatching(/^toolu_[0-9a-f]{24}$/), name: 'list', input: {} },
      { type: 'tool_use', id: 'fc_1_2', name: 'broken', input: { _unparsable_arguments: '{"city":' } },
      { type: 'tool_use', id: 'ctc_1', name: 'apply_patch', input: { input: '*** Begin Patch' } },
    ])
    expect(message.stop_reason).toBe('tool_use')
  })

  test('reasoning with state from another dialect survives the round trip through the client', () => {
    const message = serializeAnthropicMessagesResponse(
      result({ content: [{ type: 'reasoning', text: 'summary', encryptedContent: 'gAAAA', itemId: 'rs_9', origin: { dialect: 'openai-responses', instanceId: 'oa' } }] }),
      context,
    )
    const thinking = message.content[0]!
    expect(thinking).toMatchObject({ type: 'thinking', thinking: 'summary', signature: expect.stringMatching(/^omnillm\.v1\./) })
    const { request } = parseAnthropicMessagesRequest({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: message.content }] }, {})
    expect(request.messages[1]!.content).toEqual([
      { type: 'reasoning', text: 'summary', encryptedContent: 'gAAAA', itemId: 'rs_9', origin: { dialect: 'openai-responses', instanceId: 'oa' } },
    ])
  })

  test('an unsigned thinking block comes back as plain reasoning, not as an Anthropic signature', () => {
    const message = serializeAnthropicMessagesResponse(result({ content: [{ type: 'reasoning', text: 'plain' }] }), context)
    const { request } = parseAnthropicMessagesRequest({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: message.content }] }, {})
    expect(request.messages[1]!.content).toEqual([{ type: 'reasoning', text: 'plain' }])
  })

  test.each([
    [{ unified: 'length' } as const, 'max_tokens'],
    [{ unified: 'content-filter', raw: 'content_filter' } as const, 'refusal'],
    [{ unified: 'tool-calls', raw: 'tool_use' } as const, 'end_turn'],
    [{ unified: 'stop-sequence', stopSequence: 'STOP' } as const, 'stop_sequence'],
  ])('finish %j → stop_reason %s', (finishReason, stopReason) => {
    const message = serializeAnthropicMessagesResponse(result({ content: [{ type: 'text', text: 'x' }], finishReason }), context)
    expect(message.stop_reason).toBe(stopReason)
    expect(message.stop_sequence).toBe(stopReason === 'stop_sequence' ? 'STOP' : null)
  })
})
