import type { CifFinishReason } from '../../cif'
import type { OpenAiChatFinishReason } from './openai-chat-completion-types'

/**
 * CIF finish → chat `finish_reason`. The tool calls actually present decide `tool_calls`: some upstreams
 * say `stop` next to tool calls (Copilot, Qwen), and a `tool-calls` finish without any call is a `stop`.
 * Running out of tokens or being filtered wins over both, since the calls may then be cut short.
 */
export function toOpenAiChatFinishReason(finishReason: CifFinishReason, hasToolCalls: boolean): OpenAiChatFinishReason {
  if (finishReason.unified === 'length') return 'length'
  if (finishReason.unified === 'content-filter') return 'content_filter'
  return hasToolCalls ? 'tool_calls' : 'stop'
}
