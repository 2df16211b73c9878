import type { CifAssistantPart, CifReasoningOrigin, CifStreamPart, CifToolKind, CifUsage } from '../../cif'
import { mergeUsage } from '../../cif'
import type { GatewayError } from '../../errors/gateway-error'
import { encodeSseComment, encodeSseEvent } from '../../sse/encode-sse'
import type { StreamSerializer } from '../stream-serializer'
import { buildResponseObject } from './build-response-object'
import type { CompletedOpenAiResponse, OpenAiResponsesSerializeContext } from './openai-responses-serialize-context'
import { newItemId } from './response-ids'
import { messageItem, outputText, reasoningItem, toolCallItem, type ItemStatus, type OutputItem } from './response-output-items'
import { responseErrorFor, terminalStateFor, type ResponseError, type TerminalState } from './response-status'
import { toResponseUsage } from './response-usage'

interface MessageState {
  kind: 'message'
  outputIndex: number
  id: string
  parts: Array<{ text: string; done: boolean }>
  done: boolean
  /** Another item started after it: close it as soon as its open parts are done. */
  closing: boolean
}

interface ReasoningState {
  kind: 'reasoning'
  outputIndex: number
  id: string
  text: string
  summaryStarted: boolean
  origin?: CifReasoningOrigin
  signature?: string
  redactedData?: string
  encryptedContent?: string
  done: boolean
}

interface ToolState {
  kind: 'tool'
  outputIndex: number
  id: string
  callId: string
  toolName: string
  toolKind: CifToolKind
  input: string
  done: boolean
}

type ItemState = MessageState | ReasoningState | ToolState

/**
 * CIF stream parts → the official Responses event stream: `response.created`, `response.in_progress`, each
 * output item opened, filled and closed (`output_item.added` … `output_item.done`), then exactly one of
 * `response.completed`, `response.incomplete` or `response.failed` carrying the whole Response object.
 * Every event has a `sequence_number` from 0. Blocks may interleave (parallel tool calls): each delta is
 * routed to its own item by the CIF block id. `onComplete` gets the finished response once, for the store.
 */
export function createOpenAiResponsesStreamSerializer(context: OpenAiResponsesSerializeContext, onComplete?: (completed: CompletedOpenAiResponse) => void): StreamSerializer {
  const items: ItemState[] = []
  const textBlocks = new Map<string, { message: MessageState; contentIndex: number }>()
  const reasoningBlocks = new Map<string, ReasoningState>()
  const toolBlocks = new Map<string, ToolState>()
  let sequenceNumber = 0
  let started = false
  let ended = false
  let usage: CifUsage = {}

  const event = (type: string, payload: Record<string, unknown>): string => encodeSseEvent(JSON.stringify({ type, sequence_number: sequenceNumber++, ...payload }), type)

  /** Set once the stream ends; items still open then end `incomplete`, and so does text cut short. */
  let terminal: TerminalState | undefined

  const snapshot = (finalUsage?: CifUsage) =>
    buildResponseObject({
      id: context.responseId,
      createdAt: context.created,
      model: context.model,
      status: terminal?.status ?? 'in_progress',
      output: items.map(render),
      usage: finalUsage ? toResponseUsage(finalUsage) : null,
      error: terminal?.error ?? null,
      incompleteDetails: terminal?.incompleteDetails ?? null,
      echo: context.echo,
    })

  const statusOf = (item: ItemState): ItemStatus => {
    if (!item.done) return terminal ? 'incomplete' : 'in_progress'
    return item.kind === 'message' && terminal && terminal.status !== 'completed' ? 'incomplete' : 'completed'
  }

  const render = (item: ItemState): OutputItem => {
    if (item.kind === 'message') return messageItem(item.id, item.parts.map((part) => part.text), statusOf(item))
    if (item.kind === 'reasoning') return reasoningItem(item.id, item)
    return toolCallItem({ id: item.id, callId: item.callId, toolName: item.toolName, kind: item.toolKind, input: item.input }, context.toolNames, statusOf(item))
  }

  const start = (): string => {
    if (started) return ''
    started = true
    const response = snapshot()
    return event('response.created', { response }) + event('response.in_progress', { response })
  }

  const addItem = (item: ItemState): string => {
    items.push(item)
    return event('response.output_item.added', { output_index: item.outputIndex, item: render(item) })
  }

  const closeMessage = (message: MessageState): string => {
    if (message.done) return ''
    if (message.parts.some((part) => !part.done)) {
      message.closing = true
      return ''
    }
    message.done = true
    return event('response.output_item.done', { output_index: message.outputIndex, item: render(message) })
  }

  /** A new non-text item starts: the message before it is finished. */
  const closeOpenMessages = (): string => items.map((item) => (item.kind === 'message' ? closeMessage(item) : '')).join('')

  const openText = (id: string): string => {
    let text = ''
    let message = items.findLast((item): item is MessageState => item.kind === 'message' && !item.done && !item.closing)
    if (!message) {
      message = { kind: 'message', outputIndex: items.length, id: newItemId('msg'), parts: [], done: false, closing: false }
      text += addItem(message)
    }
    const contentIndex = message.parts.push({ text: '', done: false }) - 1
    textBlocks.set(id, { message, contentIndex })
    return text + event('response.content_part.added', { item_id: message.id, output_index: message.outputIndex, content_index: contentIndex, part: outputText('') })
  }

  const endText = (id: string): string => {
    const block = textBlocks.get(id)
    const part = block?.message.parts[block.contentIndex]
    if (!block || !part || part.done) return ''
    part.done = true
    const where = { item_id: block.message.id, output_index: block.message.outputIndex, content_index: block.contentIndex }
    const text = event('response.output_text.done', { ...where, text: part.text, logprobs: [] }) + event('response.content_part.done', { ...where, part: outputText(part.text) })
    return text + (block.message.closing ? closeMessage(block.message) : '')
  }

  const openReasoning = (part: Extract<CifStreamPart, { type: 'reasoning-start' }>): string => {
    const reasoning: ReasoningState = {
      kind: 'reasoning',
      outputIndex: items.length,
      id: part.itemId ?? newItemId('rs'),
      text: '',
      summaryStarted: false,
      ...(part.origin ? { origin: part.origin } : {}),
      ...(part.redactedData !== undefined ? { redactedData: part.redactedData } : {}),
      done: false,
    }
    reasoningBlocks.set(part.id, reasoning)
    return closeOpenMessages() + addItem(reasoning)
  }

  const reasoningDelta = (reasoning: ReasoningState, delta: string): string => {
    const where = { item_id: reasoning.id, output_index: reasoning.outputIndex, summary_index: 0 }
    let text = ''
    if (!reasoning.summaryStarted) {
      reasoning.summaryStarted = true
      text += event('response.reasoning_summary_part.added', { ...where, part: { type: 'summary_text', text: '' } })
    }
    reasoning.text += delta
    return text + event('response.reasoning_summary_text.delta', { ...where, delta })
  }

  const endReasoning = (reasoning: ReasoningState): string => {
    if (reasoning.done) return ''
    reasoning.done = true
    const where = { item_id: reasoning.id, output_index: reasoning.outputIndex, summary_index: 0 }
    const summary = reasoning.summaryStarted
      ? event('response.reasoning_summary_text.done', { ...where, text: reasoning.text }) + event('response.reasoning_summary_part.done', { ...where, part: { type: 'summary_text', text: reasoning.text } })
      : ''
    return summary + event('response.output_item.done', { output_index: reasoning.outputIndex, item: render(reasoning) })
  }

  const openTool = (part: Extract<CifStreamPart, { type: 'tool-input-start' }>): string => {
    const tool: ToolState = {
      kind: 'tool',
      outputIndex: items.length,
      id: part.itemId ?? newItemId(part.kind === 'custom' ? 'ctc' : 'fc'),
      callId: part.id,
      toolName: part.toolName,
      toolKind: part.kind,
      input: '',
      done: false,
    }
    toolBlocks.set(part.id, tool)
    return closeOpenMessages() + addItem(tool)
  }

  const toolDelta = (tool: ToolState, delta: string): string => {
    tool.input += delta
    const type = tool.toolKind === 'custom' ? 'response.custom_tool_call_input.delta' : 'response.function_call_arguments.delta'
    return event(type, { item_id: tool.id, output_index: tool.outputIndex, delta })
  }

  const endTool = (tool: ToolState): string => {
    if (tool.done) return ''
    tool.done = true
    const where = { item_id: tool.id, output_index: tool.outputIndex }
    const done =
      tool.toolKind === 'custom'
        ? event('response.custom_tool_call_input.done', { ...where, input: tool.input })
        : event('response.function_call_arguments.done', { ...where, name: context.toolNames.split(tool.toolName).name, arguments: tool.input })
    return done + event('response.output_item.done', { output_index: tool.outputIndex, item: render(tool) })
  }

  const finish = (state: TerminalState, finalUsage: CifUsage): string => {
    terminal = state
    let text = ''
    if (state.status !== 'failed') {
      for (const id of textBlocks.keys()) text += endText(id)
      for (const item of items) {
        if (item.kind === 'message') text += closeMessage(item)
        else if (item.kind === 'reasoning') text += endReasoning(item)
        else text += endTool(item)
      }
    }
    ended = true
    const response = snapshot(finalUsage)
    const type = state.status === 'completed' ? 'response.completed' : state.status === 'incomplete' ? 'response.incomplete' : 'response.failed'
    text += event(type, { response })
    onComplete?.({ response, output: outputParts() })
    return text
  }

  const fail = (error: ResponseError): string => start() + finish({ status: 'failed', incompleteDetails: null, error }, usage)

  /** The output as CIF parts, in output order, for the store. */
  const outputParts = (): CifAssistantPart[] =>
    items.flatMap((item): CifAssistantPart[] => {
      if (item.kind === 'message') return item.parts.map((part) => ({ type: 'text', text: part.text }))
      if (item.kind === 'reasoning') {
        const { text, origin, signature, redactedData, encryptedContent } = item
        return [
          {
            type: 'reasoning',
            text,
            itemId: item.id,
            ...(origin ? { origin } : {}),
            ...(signature !== undefined ? { signature } : {}),
            ...(redactedData !== undefined ? { redactedData } : {}),
            ...(encryptedContent !== undefined ? { encryptedContent } : {}),
          },
        ]
      }
      return [{ type: 'tool-call', toolCallId: item.callId, toolName: item.toolName, kind: item.toolKind, input: item.input, itemId: item.id }]
    })

  const write = (part: CifStreamPart): string => {
    if (ended) return ''
    const opening = start()
    switch (part.type) {
      case 'stream-start':
        return opening
      case 'response-metadata':
        if (part.usage) usage = mergeUsage(usage, part.usage)
        return opening
      case 'text-start':
        return opening + openText(part.id)
      case 'text-delta': {
        const prefix = textBlocks.has(part.id) ? '' : openText(part.id)
        const block = textBlocks.get(part.id)!
        const content = block.message.parts[block.contentIndex]!
        if (content.done) return opening + prefix
        content.text += part.delta
        const where = { item_id: block.message.id, output_index: block.message.outputIndex, content_index: block.contentIndex }
        return opening + prefix + event('response.output_text.delta', { ...where, delta: part.delta, logprobs: [] })
      }
      case 'text-end':
        return opening + endText(part.id)
      case 'reasoning-start':
        return opening + openReasoning(part)
      case 'reasoning-delta': {
        const prefix = reasoningBlocks.has(part.id) ? '' : openReasoning({ type: 'reasoning-start', id: part.id })
        const reasoning = reasoningBlocks.get(part.id)!
        return opening + prefix + (reasoning.done ? '' : reasoningDelta(reasoning, part.delta))
      }
      case 'reasoning-signature': {
        const reasoning = reasoningBlocks.get(part.id)
        if (reasoning) reasoning.signature = part.signature
        return opening
      }
      case 'reasoning-end': {
        const reasoning = reasoningBlocks.get(part.id)
        if (!reasoning) return opening
        if (part.encryptedContent !== undefined) reasoning.encryptedContent = part.encryptedContent
        return opening + endReasoning(reasoning)
      }
      case 'tool-input-start':
        return opening + openTool(part)
      case 'tool-input-delta': {
        const tool = toolBlocks.get(part.id)
        return opening + (tool && !tool.done ? toolDelta(tool, part.delta) : '')
      }
      case 'tool-input-end': {
        const tool = toolBlocks.get(part.id)
        return opening + (tool ? endTool(tool) : '')
      }
      case 'finish':
        return opening + finish(terminalStateFor(part.finishReason), mergeUsage(usage, part.usage))
      case 'error':
        return opening + fail(responseErrorFor(part.error))
    }
  }

  return {
    write,
    keepAlive: () => encodeSseComment('keepalive'),
    error: (error: GatewayError) => (ended ? '' : fail(responseErrorFor(error))),
  }
}
