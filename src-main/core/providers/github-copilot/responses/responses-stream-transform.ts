import type { CifStreamPart, CifWarning } from '../../../cif'
import { UpstreamError } from '../../../errors/upstream-error'
import type { ParseResult } from '../../../sse/parse-json-event-stream'
import { responsesFinishReason, usageFromResponses } from './convert-responses-response'
import type { ResponsesStreamEvent } from './responses-upstream-api'

/**
 * Responses stream events → CIF parts. Blocks are keyed by the item id (text by item and content index);
 * tool-call blocks use the `call_id` the client answers with. The stream ends with `finish` on
 * `response.completed` / `response.incomplete`, or an `error` part on `response.failed` / `error`.
 */
export function createResponsesStreamTransform(context: { instanceId: string; warnings: CifWarning[] }): TransformStream<ParseResult<ResponsesStreamEvent>, CifStreamPart> {
  const openTexts = new Map<string, string[]>()
  const toolCalls = new Map<string, { callId: string; sentInput: boolean }>()
  const reasoning = new Set<string>()
  let sawToolCalls = false
  let ended = false

  const fail = (controller: TransformStreamDefaultController<CifStreamPart>, message: string, code?: string) => {
    ended = true
    controller.enqueue({ type: 'error', error: new UpstreamError({ instanceId: context.instanceId, status: 502, message, ...(code ? { code } : {}) }) })
  }

  return new TransformStream({
    start(controller) {
      controller.enqueue({ type: 'stream-start', warnings: context.warnings })
    },
    transform(result, controller) {
      if (ended) return
      if (!result.success) return fail(controller, `The Responses upstream of provider "${context.instanceId}" sent an unreadable event.`)
      const event = result.value
      const itemId = event.item_id ?? ''
      switch (event.type) {
        case 'response.created':
          controller.enqueue({ type: 'response-metadata', ...(event.response?.id ? { id: event.response.id } : {}), ...(event.response?.model ? { model: event.response.model } : {}) })
          return
        case 'response.output_item.added': {
          const item = event.item
          if (!item?.id) return
          if (item.type === 'function_call' || item.type === 'custom_tool_call') {
            const callId = item.call_id ?? item.id
            toolCalls.set(item.id, { callId, sentInput: false })
            sawToolCalls = true
            controller.enqueue({ type: 'tool-input-start', id: callId, toolName: item.name ?? '', kind: item.type === 'custom_tool_call' ? 'custom' : 'function', itemId: item.id })
          } else if (item.type === 'reasoning') {
            reasoning.add(item.id)
            controller.enqueue({ type: 'reasoning-start', id: item.id, origin: { dialect: 'openai-responses', instanceId: context.instanceId }, itemId: item.id })
          }
          return
        }
        case 'response.output_text.delta':
        case 'response.refusal.delta': {
          const id = `${itemId}:${event.content_index ?? 0}`
          const open = openTexts.get(itemId) ?? []
          if (!open.includes(id)) {
            openTexts.set(itemId, [...open, id])
            controller.enqueue({ type: 'text-start', id })
          }
          if (event.delta) controller.enqueue({ type: 'text-delta', id, delta: event.delta })
          return
        }
        case 'response.reasoning_summary_text.delta':
        case 'response.reasoning_text.delta':
          if (reasoning.has(itemId) && event.delta) controller.enqueue({ type: 'reasoning-delta', id: itemId, delta: event.delta })
          return
        case 'response.reasoning_summary_part.done':
          if (reasoning.has(itemId)) controller.enqueue({ type: 'reasoning-delta', id: itemId, delta: '\n\n' })
          return
        case 'response.function_call_arguments.delta':
        case 'response.custom_tool_call_input.delta': {
          const call = toolCalls.get(itemId)
          if (call && event.delta) {
            call.sentInput = true
            controller.enqueue({ type: 'tool-input-delta', id: call.callId, delta: event.delta })
          }
          return
        }
        case 'response.output_item.done': {
          const item = event.item
          if (!item?.id) return
          const call = toolCalls.get(item.id)
          if (call) {
            const whole = item.type === 'custom_tool_call' ? item.input : item.arguments
            if (!call.sentInput && whole) controller.enqueue({ type: 'tool-input-delta', id: call.callId, delta: whole })
            controller.enqueue({ type: 'tool-input-end', id: call.callId })
            toolCalls.delete(item.id)
          } else if (reasoning.delete(item.id)) {
            controller.enqueue({ type: 'reasoning-end', id: item.id, ...(item.encrypted_content ? { encryptedContent: item.encrypted_content } : {}) })
          } else {
            for (const id of openTexts.get(item.id) ?? []) controller.enqueue({ type: 'text-end', id })
            openTexts.delete(item.id)
          }
          return
        }
        case 'response.completed':
        case 'response.incomplete': {
          for (const ids of openTexts.values()) for (const id of ids) controller.enqueue({ type: 'text-end', id })
          openTexts.clear()
          const response = event.response
          ended = true
          controller.enqueue({ type: 'finish', finishReason: responsesFinishReason({ status: event.type === 'response.incomplete' ? 'incomplete' : 'completed', incomplete_details: response?.incomplete_details }, sawToolCalls), usage: usageFromResponses(response?.usage) })
          return
        }
        case 'response.failed':
          return fail(controller, event.response?.error?.message ?? `The Responses upstream of provider "${context.instanceId}" reported a failed response.`, event.response?.error?.code ?? undefined)
        case 'error':
          return fail(controller, event.message ?? `The Responses upstream of provider "${context.instanceId}" reported an error mid-stream.`, event.code ?? undefined)
        default:
          return
      }
    },
  })
}
