import type { CifReasoningConfig, CifRequest } from '../../cif'
import type { OpenAiChatQuirks } from '../openai-compatible'
import { applyKimiResponseFormat } from './apply-kimi-response-format'
import { applyKimiSampling } from './apply-kimi-sampling'
import { applyKimiThinking } from './apply-kimi-thinking'
import { applyKimiToolChoice } from './apply-kimi-tool-choice'
import { fillKimiReasoningReplay } from './fill-kimi-reasoning-replay'
import { kimiModelTraits } from './kimi-model-traits'

/**
 * How Kimi's Chat Completions differ: `max_completion_tokens`, `reasoning_content` read and replayed (the
 * thinking models need it back in tool loops), automatic prefix caching (breakpoints need nothing), custom
 * tools as functions, no file parts, a usage chunk on streams, and the per-model body transform: thinking
 * controls, fixed sampling, forced tool choice, empty reasoning for tool turns that lack it.
 */
export function createKimiChatQuirks(reasoningOf: (request: CifRequest) => CifReasoningConfig | undefined): Partial<OpenAiChatQuirks> {
  return {
    maxTokensField: 'max_completion_tokens',
    systemMessageRole: 'system',
    reasoningReplayField: 'reasoning_content',
    cacheControl: 'automatic',
    documentInput: false,
    customTools: 'function',
    topK: false,
    streamUsage: true,
    upstreamStreaming: true,
    transformRequestBody(body, request, warnings) {
      const traits = kimiModelTraits(request.model)
      const thinks = applyKimiThinking(body, reasoningOf(request), traits, request.model, warnings)
      applyKimiSampling(body, traits, thinks, request.model, warnings)
      applyKimiToolChoice(body, traits, thinks, request.model, warnings)
      applyKimiResponseFormat(body, traits, request.model, warnings)
      fillKimiReasoningReplay(body, thinks, warnings)
      return body
    },
  }
}
