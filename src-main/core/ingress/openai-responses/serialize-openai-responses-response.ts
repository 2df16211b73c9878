import type { CifAssistantPart, CifResult } from '../../cif'
import { buildResponseObject, type ResponseObject } from './build-response-object'
import type { CompletedOpenAiResponse, OpenAiResponsesSerializeContext } from './openai-responses-serialize-context'
import { newItemId } from './response-ids'
import { messageItem, reasoningItem, toolCallItem, type ItemStatus, type OutputItem } from './response-output-items'
import { terminalStateFor } from './response-status'
import { toResponseUsage } from './response-usage'

/** A whole CIF result → the Response object of `POST /v1/responses` without `stream`. */
export function serializeOpenAiResponsesResponse(result: CifResult, context: OpenAiResponsesSerializeContext): ResponseObject {
  return completeOpenAiResponse(result, context).response
}

/**
 * The same, plus the output as CIF parts carrying the item ids the client saw, for the store. Consecutive
 * text parts share one message item; reasoning and each tool call get their own item, in order.
 */
export function completeOpenAiResponse(result: CifResult, context: OpenAiResponsesSerializeContext): CompletedOpenAiResponse {
  const terminal = terminalStateFor(result.finishReason)
  const messageStatus: ItemStatus = terminal.status === 'completed' ? 'completed' : 'incomplete'
  const items: OutputItem[] = []
  const output: CifAssistantPart[] = []
  let openMessage: { id: string; texts: string[] } | undefined

  const closeMessage = () => {
    if (openMessage) items.push(messageItem(openMessage.id, openMessage.texts, messageStatus))
    openMessage = undefined
  }

  for (const part of result.content) {
    if (part.type === 'text') {
      openMessage ??= { id: newItemId('msg'), texts: [] }
      openMessage.texts.push(part.text)
      output.push(part)
      continue
    }
    closeMessage()
    if (part.type === 'reasoning') {
      const id = part.itemId ?? newItemId('rs')
      items.push(reasoningItem(id, part))
      output.push({ ...part, itemId: id })
    } else {
      const id = part.itemId ?? newItemId(part.kind === 'custom' ? 'ctc' : 'fc')
      items.push(toolCallItem({ id, callId: part.toolCallId, toolName: part.toolName, kind: part.kind, input: part.input }, context.toolNames, 'completed'))
      output.push({ ...part, itemId: id })
    }
  }
  closeMessage()

  const response = buildResponseObject({
    id: context.responseId,
    createdAt: context.created,
    model: context.model,
    status: terminal.status,
    output: items,
    usage: toResponseUsage(result.usage),
    error: terminal.error,
    incompleteDetails: terminal.incompleteDetails,
    echo: context.echo,
  })
  return { response, output }
}
