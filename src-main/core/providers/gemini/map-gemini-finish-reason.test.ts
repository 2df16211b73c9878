import { expect, test } from 'vitest'
import { mapGeminiFinishReason } from './map-gemini-finish-reason'

test.each([
  ['STOP', false, 'stop'],
  ['STOP', true, 'tool-calls'],
  ['MAX_TOKENS', false, 'length'],
  ['SAFETY', false, 'content-filter'],
  ['RECITATION', false, 'content-filter'],
  ['BLOCKLIST', false, 'content-filter'],
  ['PROHIBITED_CONTENT', false, 'content-filter'],
  ['SPII', false, 'content-filter'],
  ['MALFORMED_FUNCTION_CALL', false, 'error'],
  ['UNEXPECTED_TOOL_CALL', true, 'error'],
  ['LANGUAGE', false, 'other'],
  ['SOMETHING_NEWER', false, 'other'],
] as const)('%s (calls: %s) → %s, raw kept', (raw, hasToolCalls, unified) => {
  expect(mapGeminiFinishReason(raw, hasToolCalls)).toEqual({ unified, raw })
})

test('no finishReason at all reads as stop (or tool-calls), without a raw word', () => {
  expect(mapGeminiFinishReason(undefined, false)).toEqual({ unified: 'stop' })
  expect(mapGeminiFinishReason(null, true)).toEqual({ unified: 'tool-calls' })
})
