import type { CifWarning } from '../../cif'
import type { OpenAiChatRequestBody } from '../openai-compatible'

/**
 * DashScope's explicit cache takes `cache_control: {"type": "ephemeral"}` only: every block lives 5
 * minutes. A requested TTL (Anthropic's `1h`) is removed from each marked content part, warned once.
 */
export function dropDashScopeCacheTtl(body: OpenAiChatRequestBody, warnings: CifWarning[]): void {
  let dropped = false
  for (const message of body.messages) {
    if (!Array.isArray(message.content)) continue
    for (const part of message.content) {
      if (!part.cache_control?.ttl) continue
      if (part.cache_control.ttl !== '5m') dropped = true
      part.cache_control = { type: 'ephemeral' }
    }
  }
  if (dropped) warnings.push({ type: 'unsupported', feature: 'cache_control ttl 1h', details: 'DashScope cache blocks live 5 minutes' })
}
