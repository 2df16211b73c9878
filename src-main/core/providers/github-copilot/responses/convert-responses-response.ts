import type { CifAssistantPart, CifFinishReason, CifResult, CifUsage, CifWarning } from '../../../cif'
import type { ResponsesOutputItem, ResponsesResponse } from './responses-upstream-api'

/** A whole Responses answer → the CIF result. */
export function convertResponsesResponse(response: ResponsesResponse, context: { instanceId: string; warnings: CifWarning[] }): CifResult {
  const content = response.output.flatMap((item) => convertOutputItem(item, context.instanceId))
  return {
    ...(response.id ? { id: response.id } : {}),
    ...(response.model ? { model: response.model } : {}),
    content,
    finishReason: responsesFinishReason(response, content.some((part) => part.type === 'tool-call')),
    usage: usageFromResponses(response.usage),
    warnings: context.warnings,
  }
}

export function convertOutputItem(item: ResponsesOutputItem, instanceId: string): CifAssistantPart[] {
  switch (item.type) {
    case 'message':
      return (item.content ?? []).flatMap((part) => {
        const text = part.type === 'output_text' ? part.text : part.type === 'refusal' ? part.refusal : undefined
        return text ? [{ type: 'text' as const, text }] : []
      })
    case 'function_call':
      return [{ type: 'tool-call', toolCallId: item.call_id ?? item.id ?? '', toolName: item.name ?? '', kind: 'function', input: item.arguments ?? '', ...(item.id ? { itemId: item.id } : {}) }]
    case 'custom_tool_call':
      return [{ type: 'tool-call', toolCallId: item.call_id ?? item.id ?? '', toolName: item.name ?? '', kind: 'custom', input: item.input ?? '', ...(item.id ? { itemId: item.id } : {}) }]
    case 'reasoning':
      return [
        {
          type: 'reasoning',
          text: (item.summary ?? []).map((part) => part.text).join('\n\n'),
          ...(item.encrypted_content ? { encryptedContent: item.encrypted_content } : {}),
          ...(item.id ? { itemId: item.id } : {}),
          origin: { dialect: 'openai-responses', instanceId },
        },
      ]
    default:
      return []
  }
}

export function responsesFinishReason(response: Pick<ResponsesResponse, 'status' | 'incomplete_details'>, sawToolCalls: boolean): CifFinishReason {
  const status = response.status ?? 'completed'
  if (status === 'incomplete') {
    const reason = response.incomplete_details?.reason ?? 'incomplete'
    return { unified: reason === 'max_output_tokens' ? 'length' : reason === 'content_filter' ? 'content-filter' : 'other', raw: reason }
  }
  if (status === 'failed') return { unified: 'error', raw: status }
  return { unified: sawToolCalls ? 'tool-calls' : 'stop', raw: status }
}

export function usageFromResponses(usage: ResponsesResponse['usage']): CifUsage {
  if (!usage) return {}
  return {
    ...(usage.input_tokens != null ? { inputTokens: usage.input_tokens } : {}),
    ...(usage.output_tokens != null ? { outputTokens: usage.output_tokens } : {}),
    ...(usage.input_tokens_details?.cached_tokens != null ? { cacheReadTokens: usage.input_tokens_details.cached_tokens } : {}),
    ...(usage.output_tokens_details?.reasoning_tokens != null ? { reasoningTokens: usage.output_tokens_details.reasoning_tokens } : {}),
  }
}
