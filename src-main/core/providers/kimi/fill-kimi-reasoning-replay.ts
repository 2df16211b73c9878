import type { CifWarning } from '../../cif'
import type { OpenAiChatRequestBody } from '../openai-compatible'

/**
 * In thinking mode Kimi refuses an assistant tool-call turn without `reasoning_content` ("thinking is
 * enabled but reasoning_content is missing in assistant tool call message at index N"). The reasoning the
 * model produced is replayed as it came (reasoningReplayField); a turn that has none (history from another
 * upstream, or a client that dropped it) gets an empty one, warned once.
 */
export function fillKimiReasoningReplay(body: OpenAiChatRequestBody, thinks: boolean, warnings: CifWarning[]): void {
  if (!thinks) return
  let filled = false
  for (const message of body.messages) {
    if (message.role !== 'assistant' || !message.tool_calls?.length || message.reasoning_content !== undefined) continue
    message.reasoning_content = ''
    filled = true
  }
  if (filled) warnings.push({ type: 'other', message: 'an earlier assistant tool-call turn had no reasoning to replay; Kimi got an empty reasoning_content for it' })
}
