import { type CifStreamPart, type CifUsage, mergeUsage } from '../../cif'
import type { GatewayError } from '../../errors/gateway-error'
import { encodeSseComment, encodeSseEvent } from '../../sse/encode-sse'
import type { SerializeContext, StreamSerializer } from '../stream-serializer'
import type { OpenAiChatChunkDelta, OpenAiChatCompletionChunk, OpenAiChatFinishReason } from './openai-chat-completion-types'
import { openAiChatCompletionId } from './openai-chat-completion-id'
import { toOpenAiChatFinishReason } from './to-openai-chat-finish-reason'
import { toOpenAiErrorBody } from './to-openai-error-body'
import { toOpenAiChatUsage } from './to-openai-chat-usage'

interface ToolCallState {
  index: number
  kind: 'function' | 'custom'
  sentArguments: boolean
}

/**
 * CIF stream parts → the data-only SSE of chat completions, in the grammar the SDK accumulators accept:
 * - every chunk has id, object, created, model and `choices`; the first delta is `{role, content: ''}`;
 * - text in `delta.content`, reasoning in `delta.reasoning_content` (never in content);
 * - each tool call gets the next `index`; its first delta has id, type and name, later ones only arguments;
 * - a final chunk with `finish_reason`, a usage chunk (`choices: []`) when the client asked, `[DONE]`;
 * - an error ends the stream with `{"error": {…}}` and no [DONE] (the openai SDK throws an APIError).
 *
 * The chat stream has no custom-tool delta, so custom tool calls stream as function calls whose
 * `arguments` are the raw input (the parser warns about it when the request declares custom tools).
 */
export function createOpenAiChatStreamSerializer(context: SerializeContext & { includeUsage: boolean }): StreamSerializer {
  let id = openAiChatCompletionId(undefined, context.requestId)
  let started = false
  let ended = false
  let earlyUsage: CifUsage = {}
  let reasoningSent = false
  let reasoningNeedsSeparator = false
  const toolCalls = new Map<string, ToolCallState>()

  const chunk = (choices: OpenAiChatCompletionChunk['choices'], usage?: OpenAiChatCompletionChunk['usage']): string => {
    const body: OpenAiChatCompletionChunk = { id, object: 'chat.completion.chunk', created: context.created, model: context.model, choices }
    if (context.includeUsage) body.usage = usage ?? null
    return encodeSseEvent(JSON.stringify(body))
  }
  const deltaChunk = (delta: OpenAiChatChunkDelta, finishReason: OpenAiChatFinishReason | null = null): string =>
    chunk([{ index: 0, delta, logprobs: null, finish_reason: finishReason }])
  const start = (): string => {
    if (started) return ''
    started = true
    return deltaChunk({ role: 'assistant', content: '', refusal: null })
  }
  const fail = (error: GatewayError): string => {
    if (ended) return ''
    ended = true
    return encodeSseEvent(JSON.stringify(toOpenAiErrorBody(error)))
  }

  const write = (part: CifStreamPart): string => {
    switch (part.type) {
      case 'stream-start':
      case 'text-end':
      case 'reasoning-signature':
      case 'reasoning-end':
        return ''
      case 'response-metadata':
        if (!started) id = openAiChatCompletionId(part.id, context.requestId)
        if (part.usage) earlyUsage = mergeUsage(earlyUsage, part.usage)
        return start()
      case 'text-start':
        return start()
      case 'text-delta':
        return part.delta === '' ? '' : start() + deltaChunk({ content: part.delta })
      case 'reasoning-start':
        reasoningNeedsSeparator = reasoningSent
        return start()
      case 'reasoning-delta': {
        if (part.delta === '') return ''
        const text = reasoningNeedsSeparator ? `\n\n${part.delta}` : part.delta
        reasoningSent = true
        reasoningNeedsSeparator = false
        return start() + deltaChunk({ reasoning_content: text })
      }
      case 'tool-input-start': {
        const state: ToolCallState = { index: toolCalls.size, kind: part.kind, sentArguments: false }
        toolCalls.set(part.id, state)
        return start() + deltaChunk({ tool_calls: [{ index: state.index, id: part.id, type: 'function', function: { name: part.toolName, arguments: '' } }] })
      }
      case 'tool-input-delta': {
        // A delta for a call that never started breaks the provider contract (no name to announce): skipped.
        const state = toolCalls.get(part.id)
        if (!state || part.delta === '') return ''
        state.sentArguments = true
        return deltaChunk({ tool_calls: [{ index: state.index, function: { arguments: part.delta } }] })
      }
      case 'tool-input-end': {
        // A function call always carries JSON: no arguments at all means "{}".
        const state = toolCalls.get(part.id)
        if (!state || state.sentArguments || state.kind !== 'function') return ''
        state.sentArguments = true
        return deltaChunk({ tool_calls: [{ index: state.index, function: { arguments: '{}' } }] })
      }
      case 'finish': {
        const finishReason = toOpenAiChatFinishReason(part.finishReason, toolCalls.size > 0)
        let text = start() + deltaChunk({}, finishReason)
        if (context.includeUsage) text += chunk([], toOpenAiChatUsage(mergeUsage(earlyUsage, part.usage)))
        ended = true
        return text + encodeSseEvent('[DONE]')
      }
      case 'error':
        return fail(part.error)
    }
  }

  return {
    write: (part) => (ended ? '' : write(part)),
    keepAlive: () => encodeSseComment('keep-alive'),
    error: fail,
  }
}
