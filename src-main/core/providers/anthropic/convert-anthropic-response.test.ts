import { describe, expect, test } from 'vitest'
import { convertAnthropicResponse } from './convert-anthropic-response'

describe('convertAnthropicResponse', () => {
  test('blocks the canonical format cannot hold are named in warnings, never dropped silently', () => {
    const result = convertAnthropicResponse(
      {
        id: 'msg_1',
        model: 'claude-sonnet-4-5',
        content: [
          { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'x' } },
          { type: 'web_search_tool_result' },
          { type: 'text', text: 'It is sunny.', citations: [{ type: 'web_search_result_location' }] },
        ],
        stop_reason: 'end_turn',
        usage: { input_tokens: 5, output_tokens: 7 },
      },
      { instanceId: 'an', customToolNames: new Set(), warnings: [] },
    )
    expect(result.content).toEqual([{ type: 'text', text: 'It is sunny.' }])
    expect(result.warnings.map((warning) => (warning.type === 'unsupported' ? warning.feature : ''))).toEqual(['server_tool_use block', 'web_search_tool_result block', 'citations'])
    expect(result.usage).toEqual({ inputTokens: 5, outputTokens: 7 })
  })
})
