import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import type { CifAssistantPart, CifFinishReason, CifResult, CifUsage } from '../../cif'
import { serializeOpenAiChatResponse } from './serialize-openai-chat-response'

/** The official `chat.completion` object (API reference; openai 6.x `ChatCompletion`), strictly. */
const officialToolCall = z.union([
  z.strictObject({ id: z.string().min(1), type: z.literal('function'), function: z.strictObject({ name: z.string().min(1), arguments: z.string() }) }),
  z.strictObject({ id: z.string().min(1), type: z.literal('custom'), custom: z.strictObject({ name: z.string().min(1), input: z.string() }) }),
])
const officialChatCompletion = z.strictObject({
  id: z.string().startsWith('chatcmpl-'),
  object: z.literal('chat.completion'),
  created: z.number().int(),
  model: z.string(),
  choices: z
    .array(
      z.strictObject({
        index: z.number().int(),
        message: z.strictObject({
          role: z.literal('assistant'),
          content: z.string().nullable(),
          refusal: z.string().nullable(),
          tool_calls: z.array(officialToolCall).optional(),
          // The one field beyond the official set: DeepSeek-style visible reasoning.
          reasoning_content: z.string().optional(),
        }),
        logprobs: z.null(),
        finish_reason: z.enum(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']),
      }),
    )
    .length(1),
  usage: z.strictObject({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
    prompt_tokens_details: z.strictObject({ cached_tokens: z.number().int(), cache_write_tokens: z.number().int().optional() }),
    completion_tokens_details: z.strictObject({ reasoning_tokens: z.number().int() }),
  }),
})

const context = { model: 'client-model', requestId: 'req123', created: 1_700_000_000 }
const stop: CifFinishReason = { unified: 'stop' }

function result(content: CifAssistantPart[], finishReason: CifFinishReason = stop, usage: CifUsage = {}, id?: string): CifResult {
  return { id, model: 'upstream-model', content, finishReason, usage, warnings: [] }
}

function serialize(value: CifResult) {
  return officialChatCompletion.parse(serializeOpenAiChatResponse(value, context))
}

const call = (id: string, kind: 'function' | 'custom', input: string): CifAssistantPart => ({ type: 'tool-call', toolCallId: id, toolName: `tool_${id}`, kind, input })

describe('serializeOpenAiChatResponse', () => {
  test('a text answer', () => {
    expect(serializeOpenAiChatResponse(result([{ type: 'text', text: 'Hello' }], stop, { inputTokens: 10, outputTokens: 2 }, 'msg_1'), context)).toMatchInlineSnapshot(`
      {
        "choices": [
          {
            "finish_reason": "stop",
            "index": 0,
            "logprobs": null,
            "message": {
              "content": "Hello",
              "refusal": null,
              "role": "assistant",
            },
          },
        ],
        "created": 1700000000,
        "id": "chatcmpl-req123",
        "model": "client-model",
        "object": "chat.completion",
        "usage": {
          "completion_tokens": 2,
          "completion_tokens_details": {
            "reasoning_tokens": 0,
          },
          "prompt_tokens": 10,
          "prompt_tokens_details": {
            "cached_tokens": 0,
          },
          "total_tokens": 12,
        },
      }
    `)
  })

  test.each<[string, CifResult, { content: string | null; finish: string; toolCalls?: unknown; reasoning?: string }]>([
    ['text parts are joined', result([{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }]), { content: 'ab', finish: 'stop' }],
    ['no text → content null', result([], { unified: 'other' }), { content: null, finish: 'stop' }],
    ['length', result([{ type: 'text', text: 'cut' }], { unified: 'length' }), { content: 'cut', finish: 'length' }],
    ['content filter', result([], { unified: 'content-filter' }), { content: null, finish: 'content_filter' }],
    ['stop sequence → stop', result([{ type: 'text', text: 'x' }], { unified: 'stop-sequence', stopSequence: 'END' }), { content: 'x', finish: 'stop' }],
    ['a tool-calls finish without calls → stop', result([{ type: 'text', text: 'x' }], { unified: 'tool-calls' }), { content: 'x', finish: 'stop' }],
    [
      'tool calls with an upstream "stop" → tool_calls',
      result([call('1', 'function', '{"city":"Paris"}'), call('2', 'function', '')], stop),
      {
        content: null,
        finish: 'tool_calls',
        toolCalls: [
          { id: '1', type: 'function', function: { name: 'tool_1', arguments: '{"city":"Paris"}' } },
          { id: '2', type: 'function', function: { name: 'tool_2', arguments: '{}' } },
        ],
      },
    ],
    [
      'custom tool calls use the official custom shape',
      result([{ type: 'text', text: 'Patching.' }, call('3', 'custom', '*** Begin Patch')], { unified: 'tool-calls' }),
      { content: 'Patching.', finish: 'tool_calls', toolCalls: [{ id: '3', type: 'custom', custom: { name: 'tool_3', input: '*** Begin Patch' } }] },
    ],
    [
      'reasoning goes to reasoning_content, never to content',
      result([
        { type: 'reasoning', text: 'First, ', signature: 'sig' },
        { type: 'reasoning', text: '', redactedData: 'opaque' },
        { type: 'text', text: 'Answer.' },
        { type: 'reasoning', text: 'then more.' },
      ]),
      { content: 'Answer.', finish: 'stop', reasoning: 'First, \n\nthen more.' },
    ],
  ])('%s', (_name, value, expected) => {
    const { message, finish_reason } = serialize(value).choices[0]!
    expect(message.content).toBe(expected.content)
    expect(finish_reason).toBe(expected.finish)
    expect(message.tool_calls).toEqual(expected.toolCalls)
    expect(message.reasoning_content).toBe(expected.reasoning)
  })

  test('usage: prompt_tokens is the whole prompt, with cache and reasoning details', () => {
    const usage = serialize(result([], stop, { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 1000, cacheWriteTokens: 150, reasoningTokens: 120 })).usage
    expect(usage).toEqual({
      prompt_tokens: 1200,
      completion_tokens: 300,
      total_tokens: 1500,
      prompt_tokens_details: { cached_tokens: 1000, cache_write_tokens: 150 },
      completion_tokens_details: { reasoning_tokens: 120 },
    })
  })

  test('the id: an upstream chat id is kept, any other is replaced', () => {
    expect(serialize(result([], stop, {}, 'chatcmpl-upstream')).id).toBe('chatcmpl-upstream')
    expect(serialize(result([], stop, {}, 'msg_01abc')).id).toBe('chatcmpl-req123')
    expect(serialize(result([], stop, {})).id).toBe('chatcmpl-req123')
  })
})
