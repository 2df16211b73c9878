import { describe, expect, test } from 'vitest'
import { loadClientCaptures, type ClientCapture } from '../../test-support/load-client-captures'
import { parseOpenAiChatRequest } from './parse-openai-chat-request'

const chatCaptures = (): ClientCapture[] => loadClientCaptures().filter((capture) => capture.path === '/v1/chat/completions')

describe('captured client requests parse', () => {
  const captures = chatCaptures()

  test('the OpenCode and SDK chat captures are all there', () => {
    expect(captures.filter((capture) => capture.name.startsWith('opencode/'))).toHaveLength(5)
    expect(captures.filter((capture) => capture.name.startsWith('sdk-openai/'))).toHaveLength(5)
    expect(captures.filter((capture) => capture.name.startsWith('sdk-ai/'))).toHaveLength(12)
  })

  test.each(captures.map((capture) => [capture.name, capture] as const))('%s', (_name, capture) => {
    const { request, warnings } = parseOpenAiChatRequest(capture.body, capture.headers)
    expect(request.model).toBe(capture.body.model)
    expect(request.stream).toBe(capture.body.stream === true)
    expect(warnings).toEqual([])
  })

  test('the OpenCode tool round trip keeps system prompt, tools and the tool turn', () => {
    const capture = captures.find((item) => item.name === 'opencode/02-openai-compatible-tool-roundtrip/0003-POST-v1_chat_completions.json')!
    const { request, includeUsage } = parseOpenAiChatRequest(capture.body, capture.headers)
    expect(includeUsage).toBe(true)
    expect(request.maxOutputTokens).toBe(32000)
    expect(request.system).toHaveLength(1)
    expect(request.system[0]!.text.length).toBeGreaterThan(9000)
    expect(request.tools?.map((tool) => tool.type !== 'builtin' && tool.name)).toEqual(['bash', 'edit', 'glob', 'grep', 'read', 'skill', 'task', 'todowrite', 'webfetch', 'write'])
    expect(request.toolChoice).toEqual({ type: 'auto' })
    expect(request.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool'])
    expect(request.messages[2]).toEqual({
      role: 'tool',
      content: [{ type: 'tool-result', toolCallId: 'call_e60db70452bed50f2c66f9a8', toolName: 'bash', kind: 'function', content: [{ type: 'text', text: 'hi-opencode\n' }] }],
    })
  })
})
