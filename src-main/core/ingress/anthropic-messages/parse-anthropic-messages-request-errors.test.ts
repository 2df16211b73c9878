import { describe, expect, test } from 'vitest'
import { GatewayError } from '../../errors/gateway-error'
import { parseAnthropicMessagesRequest } from './parse-anthropic-messages-request'

const valid = { model: 'claude-sonnet-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] }
const cached = { type: 'text', text: 'x', cache_control: { type: 'ephemeral' } }

function failure(body: Record<string, unknown>): { status: number; message: string } {
  try {
    parseAnthropicMessagesRequest(body, {})
  } catch (error) {
    if (!GatewayError.isInstance(error)) throw error
    return { status: error.status, message: error.message }
  }
  throw new Error('expected the body to be rejected')
}

describe('bad input is a 400 naming the field by path', () => {
  test.each([
    ['missing max_tokens', { model: 'm', messages: valid.messages }, 'max_tokens: Invalid input: expected number, received undefined'],
    ['missing model', { max_tokens: 1, messages: valid.messages }, 'model: Invalid input: expected string, received undefined'],
    ['no messages', { ...valid, messages: [] }, 'messages: Too small: expected array to have >=1 items'],
    ['a bad role', { ...valid, messages: [{ role: 'bot', content: 'hi' }] }, 'messages.0.role: unknown role "bot" (expected one of "user", "assistant", "system"'],
    [
      'an unknown block type',
      { ...valid, messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'audio', data: 'x' }] }] },
      'messages.0.content.1.type: unknown type "audio" (expected one of "text", "image", "document", "search_result", "thinking"',
    ],
    ['a block without type', { ...valid, messages: [{ role: 'user', content: [{ text: 'a' }] }] }, 'messages.0.content.0.type: required (expected one of "text"'],
    [
      'a bad cache ttl',
      { ...valid, messages: [{ role: 'user', content: [{ type: 'text', text: 'a', cache_control: { type: 'ephemeral', ttl: '2h' } }] }] },
      'messages.0.content.0.cache_control.ttl: Invalid option: expected one of "5m"|"1h"',
    ],
    ['a bad cache type', { ...valid, system: [{ type: 'text', text: 's', cache_control: { type: 'persistent' } }] }, 'system.0.cache_control.type: Invalid input: expected "ephemeral"'],
    [
      'five cache breakpoints',
      { ...valid, system: [cached, cached], messages: [{ role: 'user', content: [cached, cached, cached] }] },
      'messages.0.content.2.cache_control: a request may set at most 4 cache_control breakpoints; found 5.',
    ],
    [
      'four breakpoints plus automatic caching',
      { ...valid, cache_control: { type: 'ephemeral' }, messages: [{ role: 'user', content: [cached, cached, cached, cached] }] },
      'cache_control: a request may set at most 4 cache_control breakpoints; found 5.',
    ],
    [
      'breakpoints nested in a tool result count too',
      {
        ...valid,
        tools: [{ name: 't', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } }],
        messages: [{ role: 'user', content: [cached, cached, { type: 'tool_result', tool_use_id: 'a', content: [cached, cached] }] }],
      },
      'messages.0.content.2.content.1.cache_control: a request may set at most 4 cache_control breakpoints; found 5.',
    ],
    ['a base64 image of an unsupported type', { ...valid, messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'AA==' } }] }] }, 'messages.0.content.0.source.media_type: Invalid option'],
    ['a tool without input_schema', { ...valid, tools: [{ name: 'get_weather' }] }, 'tools.0.input_schema: Invalid input: expected record, received undefined'],
    ['an OpenAI-style tool', { ...valid, tools: [{ type: 'function', name: 'f', parameters: {} }] }, 'tools.0.type: unknown tool type; expected a custom tool or a versioned server tool'],
    ['an unknown tool_choice', { ...valid, tool_choice: { type: 'required' } }, 'tool_choice.type: unknown type "required" (expected one of "auto", "any", "tool", "none")'],
    ['a thinking budget that is not a number', { ...valid, thinking: { type: 'enabled', budget_tokens: 'lots' } }, 'thinking.budget_tokens: Invalid input: expected number, received string'],
    ['an unknown effort', { ...valid, output_config: { effort: 'extreme' } }, 'output_config.effort: Invalid option'],
    ['a tool_use in a user turn', { ...valid, messages: [{ role: 'user', content: [{ type: 'tool_use', id: 'a', name: 'b', input: {} }] }] }, 'messages.0.content.0.type: "tool_use" blocks may only appear in assistant turns.'],
    ['an image in an assistant turn', { ...valid, messages: [{ role: 'assistant', content: [{ type: 'image', source: { type: 'url', url: 'https://x' } }] }] }, 'messages.0.content.0.type: "image" blocks may only appear in user turns.'],
    [
      'a damaged gateway signature',
      { ...valid, messages: [{ role: 'assistant', content: [{ type: 'thinking', thinking: 't', signature: 'omnillm.v1.%%%' }] }] },
      'messages.0.content.0.signature: this gateway-issued signature is damaged',
    ],
    ['a content string where blocks or a string belong', { ...valid, messages: [{ role: 'user', content: 42 }] }, 'messages.0.content: Invalid input: expected string, received number'],
  ])('%s', (_name, body, message) => {
    const result = failure(body as Record<string, unknown>)
    expect(result.status).toBe(400)
    expect(result.message).toContain(message)
  })

  test('only the first few problems are listed', () => {
    const result = failure({ messages: [{ role: 'user', content: 'x' }, { role: 'x' }], temperature: 9 })
    expect(result.message).toMatch(/^(model|messages|max_tokens|temperature)[^;]*; [^;]*; [^;]*\(and \d+ more\)$/)
  })
})
