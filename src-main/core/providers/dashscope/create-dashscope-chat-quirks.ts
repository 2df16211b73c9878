import type { CifReasoningConfig, CifRequest } from '../../cif'
import type { OpenAiChatQuirks } from '../openai-compatible'
import { applyDashScopeThinking } from './apply-dashscope-thinking'
import { dropDashScopeCacheTtl } from './drop-dashscope-cache-ttl'
import { dropUnknownDashScopeFields } from './drop-unknown-dashscope-fields'

/**
 * What DashScope's OpenAI-compatible mode differs in: `max_tokens` (newer `max_completion_tokens` is not
 * taken by every Qwen), `reasoning_content` read and replayed in tool loops, Anthropic-style
 * `cache_control` on content parts (explicit cache, 5 minutes), `top_k`, custom tools as functions, no
 * file parts, a usage chunk on streams (`stream_options.include_usage`), and the body transform. No
 * sampling default is added: what the client did not set is not sent.
 */
export function createDashScopeChatQuirks(reasoningOf: (request: CifRequest) => CifReasoningConfig | undefined): Partial<OpenAiChatQuirks> {
  return {
    maxTokensField: 'max_tokens',
    systemMessageRole: 'system',
    reasoningReplayField: 'reasoning_content',
    cacheControl: 'anthropic-inline',
    documentInput: false,
    customTools: 'function',
    topK: true,
    streamUsage: true,
    upstreamStreaming: true,
    transformRequestBody(body, request, warnings) {
      applyDashScopeThinking(body, reasoningOf(request), warnings)
      dropDashScopeCacheTtl(body, warnings)
      dropUnknownDashScopeFields(body, warnings)
      return body
    },
  }
}
