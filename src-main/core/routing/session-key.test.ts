import { describe, expect, test } from 'vitest'
import { sessionKey } from './session-key'

const keyOf = (headers: Record<string, string>, body: Record<string, unknown> = {}, model = 'fast') => sessionKey({ model, headers, body })
const claudeCodeUserId = (sessionId: string) => JSON.stringify({ device_id: 'device-1', account_uuid: '', session_id: sessionId })

describe('sessionKey', () => {
  test.each([
    ['x-claude-code-session-id'],
    ['session-id'],
    ['x-session-affinity'],
    ['x-session-id'],
  ])('reads the %s header', (name) => {
    expect(keyOf({ [name]: 'abc' })).toBe('fast\nabc')
  })

  test('reads the body field prompt_cache_key', () => {
    expect(keyOf({}, { prompt_cache_key: 'cache-1' })).toBe('fast\ncache-1')
  })

  test('reads the session_id inside the JSON-encoded Anthropic metadata.user_id', () => {
    expect(keyOf({}, { metadata: { user_id: claudeCodeUserId('session-9') } })).toBe('fast\nsession-9')
  })

  test('headers come first, in their order, then prompt_cache_key, then metadata.user_id', () => {
    const body = { prompt_cache_key: 'cache-1', metadata: { user_id: claudeCodeUserId('session-9') } }
    const headers = { 'x-session-id': 'opencode-2', 'x-session-affinity': 'opencode-1', 'session-id': 'codex', 'x-claude-code-session-id': 'claude' }
    expect(keyOf(headers, body)).toBe('fast\nclaude')
    expect(keyOf({ ...headers, 'x-claude-code-session-id': '' }, body)).toBe('fast\ncodex')
    expect(keyOf({ 'x-session-id': 'opencode-2', 'x-session-affinity': 'opencode-1' }, body)).toBe('fast\nopencode-1')
    expect(keyOf({}, body)).toBe('fast\ncache-1')
  })

  test('is scoped by the client-facing model name', () => {
    expect(keyOf({ 'session-id': 'abc' }, {}, 'fast')).not.toBe(keyOf({ 'session-id': 'abc' }, {}, 'smart'))
  })

  test('is undefined when the request names no session', () => {
    expect(keyOf({ 'user-agent': 'curl' }, { model: 'fast' })).toBeUndefined()
    expect(keyOf({ 'session-id': '  ' }, { prompt_cache_key: 7 })).toBeUndefined()
    expect(keyOf({}, { metadata: { user_id: 'plain-user' } })).toBeUndefined()
    expect(keyOf({}, { metadata: { user_id: '{not json' } })).toBeUndefined()
    expect(keyOf({}, { metadata: { user_id: JSON.stringify({ device_id: 'd' }) } })).toBeUndefined()
    expect(keyOf({}, { metadata: 'user' })).toBeUndefined()
  })
})
