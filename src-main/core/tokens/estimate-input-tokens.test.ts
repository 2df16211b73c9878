import { describe, expect, test } from 'vitest'
import type { CifRequest } from '../cif'
import {
  builtinToolTokens,
  documentPageTokens,
  estimateInputTokens,
  imageTokens,
  toolEntryOverheadTokens,
  toolsPromptTokens,
  turnOverheadTokens,
} from './estimate-input-tokens'

function request(overrides: Partial<CifRequest>): CifRequest {
  return { model: 'm', system: [], messages: [], stream: false, ...overrides }
}

const weatherSchema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }

describe('local input-token estimate', () => {
  test('one user turn: its text plus the turn framing', () => {
    expect(estimateInputTokens(request({ messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello, world!' }] }] }))).toBe(4 + turnOverheadTokens)
  })

  test('system prompt, turns, reasoning text, tool calls and tool results all count', () => {
    const estimate = estimateInputTokens(
      request({
        system: [{ type: 'text', text: 'Be terse.' }],
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Say hi' }] },
          {
            role: 'assistant',
            content: [
              { type: 'reasoning', text: 'The quick brown fox jumps over the lazy dog.', signature: 'not counted' },
              { type: 'tool-call', toolCallId: 'toolu_1', toolName: 'get_weather', kind: 'function', input: '{"city":"Paris"}' },
            ],
          },
          { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'toolu_1', kind: 'function', content: [{ type: 'text', text: '18°C and sunny' }] }] },
        ],
      }),
    )
    const system = turnOverheadTokens + 3
    const user = turnOverheadTokens + 2
    const assistant = turnOverheadTokens + 10 + (toolEntryOverheadTokens + 2 + 5)
    const tool = turnOverheadTokens + toolEntryOverheadTokens + 4
    expect(estimate).toBe(system + user + assistant + tool)
  })

  test('tools: the tool-use prompt once, then each name, description and JSON schema; server tools a fixed cost', () => {
    const builtin = { type: 'web_search_20250305', name: 'web_search' }
    const estimate = estimateInputTokens(
      request({
        tools: [
          { type: 'function', name: 'get_weather', description: 'Get the weather for a city', inputSchema: weatherSchema },
          { type: 'builtin', dialect: 'anthropic', name: 'web_search', raw: builtin },
        ],
      }),
    )
    const builtinDefinition = estimateInputTokens(request({ tools: [{ type: 'builtin', dialect: 'anthropic', name: 'web_search', raw: builtin }] })) - toolsPromptTokens - builtinToolTokens
    expect(builtinDefinition).toBeGreaterThan(0)
    expect(estimate).toBe(toolsPromptTokens + (toolEntryOverheadTokens + 2 + 6 + 19) + builtinToolTokens + builtinDefinition)
  })

  test('images cost a fixed amount; PDFs per page; text documents their text', () => {
    const pdf = Buffer.from('%PDF-1.4 << /Type /Page >> << /Type /Page >>', 'latin1').toString('base64')
    const estimate = estimateInputTokens(
      request({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBORw0KGgo'.repeat(10_000) } },
              { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
              { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: pdf } },
              { type: 'document', source: { type: 'text', mediaType: 'text/plain', text: 'Hello, world!' }, title: 'Say hi' },
            ],
          },
        ],
      }),
    )
    expect(estimate).toBe(turnOverheadTokens + 2 * imageTokens + (toolEntryOverheadTokens + 2 * documentPageTokens) + (toolEntryOverheadTokens + 2 + 4))
  })

  test('a large Claude Code-sized prompt is counted in a few milliseconds', () => {
    const big = request({ system: [{ type: 'text', text: 'lorem ipsum dolor sit amet '.repeat(4_000) }], messages: [{ role: 'user', content: [{ type: 'text', text: 'go' }] }] })
    const started = performance.now()
    expect(estimateInputTokens(big)).toBeGreaterThan(20_000)
    expect(performance.now() - started).toBeLessThan(500)
  })
})
