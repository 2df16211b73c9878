import OpenAI from 'openai'
import { describe, expect, test } from 'vitest'
import type { CifResult } from '../../cif'
import type { OpenAiResponsesSerializeContext } from './openai-responses-serialize-context'
import { parseOpenAiResponsesRequest } from './parse-openai-responses-request'
import { completeOpenAiResponse, serializeOpenAiResponsesResponse } from './serialize-openai-responses-response'

function contextFor(body: Record<string, unknown> = {}): OpenAiResponsesSerializeContext {
  const parsed = parseOpenAiResponsesRequest({ model: 'client-model', input: 'hi', ...body }, {})
  return { model: 'client-model', requestId: 'req1', created: 1_700_000_000, responseId: 'resp_test', echo: parsed.echo, toolNames: parsed.toolNames }
}

function result(overrides: Partial<CifResult>): CifResult {
  return { content: [{ type: 'text', text: 'Hi' }], finishReason: { unified: 'stop' }, usage: { inputTokens: 10, outputTokens: 2 }, warnings: [], ...overrides }
}

/** Ids are random; the shape around them is what matters. */
function withStableIds(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(/"(msg|rs|fc|ctc)_[0-9a-f]{48}"/g, '"$1_…"'))
}

describe('the Response object', () => {
  test('reasoning, text and a tool call: each its own item, in order; the echoed request fields around them', () => {
    const response = serializeOpenAiResponsesResponse(
      result({
        content: [
          { type: 'reasoning', text: 'Let me look.', encryptedContent: 'gAAAA-x', origin: { dialect: 'openai-responses' } },
          { type: 'text', text: 'Checking ' },
          { type: 'text', text: 'now.' },
          { type: 'tool-call', toolCallId: 'call_1', toolName: 'get_weather', kind: 'function', input: '{"city":"Oslo"}' },
        ],
        finishReason: { unified: 'tool-calls' },
        usage: { inputTokens: 30, outputTokens: 12, cacheReadTokens: 10, cacheWriteTokens: 4, reasoningTokens: 5 },
      }),
      contextFor({ instructions: 'Be brief.', tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }], temperature: 0.5 }),
    )
    expect(withStableIds(response)).toMatchInlineSnapshot(`
      {
        "background": false,
        "created_at": 1700000000,
        "error": null,
        "id": "resp_test",
        "incomplete_details": null,
        "instructions": "Be brief.",
        "max_output_tokens": null,
        "max_tool_calls": null,
        "metadata": {},
        "model": "client-model",
        "object": "response",
        "output": [
          {
            "encrypted_content": "gAAAA-x",
            "id": "rs_…",
            "summary": [
              {
                "text": "Let me look.",
                "type": "summary_text",
              },
            ],
            "type": "reasoning",
          },
          {
            "content": [
              {
                "annotations": [],
                "logprobs": [],
                "text": "Checking ",
                "type": "output_text",
              },
              {
                "annotations": [],
                "logprobs": [],
                "text": "now.",
                "type": "output_text",
              },
            ],
            "id": "msg_…",
            "role": "assistant",
            "status": "completed",
            "type": "message",
          },
          {
            "arguments": "{"city":"Oslo"}",
            "call_id": "call_1",
            "id": "fc_…",
            "name": "get_weather",
            "status": "completed",
            "type": "function_call",
          },
        ],
        "output_text": "Checking now.",
        "parallel_tool_calls": true,
        "previous_response_id": null,
        "prompt_cache_key": null,
        "reasoning": {
          "effort": null,
          "summary": null,
        },
        "safety_identifier": null,
        "service_tier": "default",
        "status": "completed",
        "store": true,
        "temperature": 0.5,
        "text": {
          "format": {
            "type": "text",
          },
          "verbosity": "medium",
        },
        "tool_choice": "auto",
        "tools": [
          {
            "name": "get_weather",
            "parameters": {
              "type": "object",
            },
            "type": "function",
          },
        ],
        "top_logprobs": 0,
        "top_p": 1,
        "truncation": "disabled",
        "usage": {
          "input_tokens": 30,
          "input_tokens_details": {
            "cache_write_tokens": 4,
            "cached_tokens": 10,
          },
          "output_tokens": 12,
          "output_tokens_details": {
            "reasoning_tokens": 5,
          },
          "total_tokens": 42,
        },
        "user": null,
      }
    `)
  })

  test.each([
    [{ unified: 'stop' } as const, 'completed', null, null],
    [{ unified: 'length' } as const, 'incomplete', { reason: 'max_output_tokens' }, null],
    [{ unified: 'content-filter' } as const, 'incomplete', { reason: 'content_filter' }, null],
    [{ unified: 'error', raw: 'boom' } as const, 'failed', null, { code: 'server_error', message: 'The upstream ended the response with an error (boom).' }],
  ])('finish %j → status %s', (finishReason, status, incompleteDetails, error) => {
    const response = serializeOpenAiResponsesResponse(result({ finishReason }), contextFor())
    expect(response).toMatchObject({ status, incomplete_details: incompleteDetails, error })
    expect(response.output[0]).toMatchObject({ type: 'message', status: status === 'completed' ? 'completed' : 'incomplete' })
  })

  test('a custom tool call and a namespaced call, as the client named them', () => {
    const context = contextFor({ tools: [{ type: 'custom', name: 'apply_patch' }, { type: 'namespace', name: 'crm', tools: [{ type: 'function', name: 'lookup' }] }] })
    const { response, output } = completeOpenAiResponse(
      result({
        content: [
          { type: 'tool-call', toolCallId: 'call_p', toolName: 'apply_patch', kind: 'custom', input: '*** Begin Patch' },
          { type: 'tool-call', toolCallId: 'call_l', toolName: 'crm__lookup', kind: 'function', input: '{}' },
        ],
      }),
      context,
    )
    expect(response.output).toMatchObject([
      { type: 'custom_tool_call', id: expect.stringMatching(/^ctc_/), call_id: 'call_p', name: 'apply_patch', input: '*** Begin Patch', status: 'completed' },
      { type: 'function_call', call_id: 'call_l', name: 'lookup', namespace: 'crm', arguments: '{}' },
    ])
    // The stored CIF parts carry the ids the client saw, so a later item_reference or echo matches them.
    expect(output.map((part) => (part.type === 'tool-call' ? part.itemId : undefined))).toEqual(response.output.map((item) => item.id))
  })

  test('the real openai SDK reads it as a Response, reasoning kept out of output_text', async () => {
    const body = serializeOpenAiResponsesResponse(result({ content: [{ type: 'reasoning', text: 'secret thoughts' }, { type: 'text', text: 'Hello!' }] }), contextFor())
    const fetch = async () => Response.json(body)
    const client = new OpenAI({ apiKey: 'test', baseURL: 'http://gateway.test/v1', maxRetries: 0, fetch })
    const response = await client.responses.create({ model: 'client-model', input: 'hi' })
    expect(response.output_text).toBe('Hello!')
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message'])
  })
})
