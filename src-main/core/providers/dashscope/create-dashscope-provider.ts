import type { CifRequest } from '../../cif'
import type { UpstreamHttpClient } from '../http/upstream-http-client'
import { createOpenAiCompatibleProvider } from '../openai-compatible'
import { createReasoningHandoff } from '../openai-compatible/create-reasoning-handoff'
import type { Provider, ProviderCallOptions } from '../provider-definition'
import { collectStreamResult } from './collect-stream-result'
import { createDashScopeChatQuirks } from './create-dashscope-chat-quirks'
import { isStreamOnlyRejection } from './is-stream-only-rejection'
import type { DashScopeProviderConfig } from './parse-dashscope-config'

/**
 * Alibaba Cloud Model Studio (DashScope) on the openai-compatible base. Every client dialect is
 * translated (no same-dialect passthrough): chat clients need the same fixes as the others
 * (`reasoning_effort` → `enable_thinking`, Qwen's `finish_reason: "stop"` next to tool calls read as tool
 * use, fields DashScope rejects left out). A non-streaming call that DashScope only serves as a stream
 * (thinking of the open-source Qwen3, QwQ) is answered by one streamed call, collected.
 */
export function createDashScopeProvider(config: DashScopeProviderConfig, context: { http: UpstreamHttpClient }): Provider {
  const reasoning = createReasoningHandoff()
  const base = createOpenAiCompatibleProvider(
    {
      instanceId: config.instanceId,
      type: 'dashscope',
      baseUrl: config.baseUrl,
      ...(config.apiKey ? { apiKey: config.apiKey } : {}),
      headers: config.headers,
      quirks: createDashScopeChatQuirks(reasoning.reasoningOf),
    },
    context,
  )

  async function generate(request: CifRequest, options: ProviderCallOptions) {
    try {
      return await base.generate(reasoning.withhold(request), options)
    } catch (error) {
      if (!isStreamOnlyRejection(error)) throw error
      const parts = await base.stream(reasoning.withhold({ ...request, stream: true }), options)
      return collectStreamResult(config.instanceId, parts)
    }
  }

  return {
    id: base.id,
    type: base.type,
    dialect: base.dialect,
    listModels: (options) => base.listModels(options),
    generate,
    stream: (request, options) => base.stream(reasoning.withhold(request), options),
    embed: (request, options) => base.embed!(request, options),
  }
}
