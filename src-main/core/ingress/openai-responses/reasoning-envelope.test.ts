import { describe, expect, test } from 'vitest'
import type { CifReasoningPart } from '../../cif'
import { parseOpenAiResponsesRequest } from './parse-openai-responses-request'
import { encryptedContentFor, opaqueDataFromEncryptedContent } from './reasoning-envelope'
import { reasoningItem } from './response-output-items'

/** What a Responses client sends back: the reasoning item as it received it, in the next request's input. */
function roundTrip(part: CifReasoningPart): CifReasoningPart {
  const item = reasoningItem('rs_1', part)
  const { request } = parseOpenAiResponsesRequest({ model: 'm', input: [{ role: 'user', content: 'hi' }, item, { role: 'user', content: 'go on' }] }, {})
  return request.messages[1]!.content[0] as CifReasoningPart
}

describe('reasoning survives a Responses client round trip', () => {
  test('OpenAI encrypted content passes through as it is', () => {
    const part: CifReasoningPart = { type: 'reasoning', text: 'sum', encryptedContent: 'gAAAA-native', origin: { dialect: 'openai-responses' } }
    expect(encryptedContentFor(part)).toBe('gAAAA-native')
    expect(roundTrip(part)).toEqual({ ...part, itemId: 'rs_1' })
  })

  test('an Anthropic thinking signature comes back exactly, with its text and origin', () => {
    const part: CifReasoningPart = { type: 'reasoning', text: 'Let me think.\nStep 2.', signature: 'EqQBCkYIBxgC…sig', origin: { dialect: 'anthropic', instanceId: 'claude-main' } }
    expect(encryptedContentFor(part)).toMatch(/^omnillm\.v1:/)
    expect(roundTrip(part)).toEqual({ ...part, itemId: 'rs_1' })
  })

  test('redacted thinking (no visible text) comes back too', () => {
    const part: CifReasoningPart = { type: 'reasoning', text: '', redactedData: 'EmwKAhgB…', origin: { dialect: 'anthropic' } }
    expect(reasoningItem('rs_1', part).summary).toEqual([])
    expect(roundTrip(part)).toEqual({ ...part, itemId: 'rs_1' })
  })

  test('reasoning with nothing opaque has no encrypted_content', () => {
    expect(reasoningItem('rs_1', { text: 'visible only', origin: { dialect: 'openai-chat' } })).not.toHaveProperty('encrypted_content')
  })

  test('something that only looks like an envelope is treated as OpenAI content', () => {
    expect(opaqueDataFromEncryptedContent('omnillm.v1:not-base64-json')).toEqual({ encryptedContent: 'omnillm.v1:not-base64-json', origin: { dialect: 'openai-responses' } })
    expect(opaqueDataFromEncryptedContent(null)).toEqual({ origin: { dialect: 'openai-responses' } })
  })
})
