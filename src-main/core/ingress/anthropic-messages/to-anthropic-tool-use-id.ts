import { randomBytes } from 'node:crypto'

const validToolUseId = /^[A-Za-z0-9_-]+$/

/**
 * The id a tool_use block carries. Upstream ids are kept verbatim (`call_abc`, `toolu_…`, `tooluse_…`),
 * so the client's tool_result refers to exactly what the upstream issued, with no mapping to undo on
 * the next request. Two exceptions: an empty id gets a fresh `toolu_` one, and characters the Messages API
 * rejects in ids (it allows `[A-Za-z0-9_-]`) become `_` — the client then echoes the cleaned id in both
 * its tool_use and its tool_result, so they still match each other.
 */
export function toAnthropicToolUseId(id: string): string {
  if (id === '') return `toolu_${randomBytes(12).toString('hex')}`
  return validToolUseId.test(id) ? id : id.replace(/[^A-Za-z0-9_-]/g, '_')
}
