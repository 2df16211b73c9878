import type { CifReasoningEffort, CifReasoningPart, CifWarning } from '../../cif'
import type { ConversationBuilder } from './conversation-builder'
import { toAssistantTextParts, toSystemParts, toToolResultContent, toUserParts } from './convert-content'
import {
  additionalToolsItemSchema,
  configurationUpdateItemSchema,
  customToolCallItemSchema,
  customToolCallOutputItemSchema,
  functionCallItemSchema,
  functionCallOutputItemSchema,
  inexpressibleItemTypes,
  itemReferenceSchema,
  messageItemSchema,
  reasoningItemSchema,
  type ReasoningItem,
} from './openai-responses-input-item-schema'
import { invalidField, parseField, type FieldPath } from './parse-field'
import { opaqueDataFromEncryptedContent } from './reasoning-envelope'
import type { ToolNameMap } from './tool-name-map'

export interface InputItemContext {
  conversation: ConversationBuilder
  names: ToolNameMap
  warnings: CifWarning[]
  /** Tools declared inside the input (Codex lite `additional_tools`). */
  addTools(tools: ReadonlyArray<Record<string, unknown>>, path: FieldPath): void
  /** A `configuration_update` item's reasoning effort. */
  setReasoningEffort(effort: CifReasoningEffort): void
  /** Stored items, for `item_reference`. */
  findItem?(id: string): Record<string, unknown> | undefined
}

const itemTypes = [
  'message',
  'function_call',
  'function_call_output',
  'custom_tool_call',
  'custom_tool_call_output',
  'reasoning',
  'item_reference',
  'additional_tools',
  'configuration_update',
]

/** One Responses input item → the conversation (or the request's tools and settings). */
export function convertInputItem(item: Record<string, unknown>, path: FieldPath, context: InputItemContext, fromReference = false): void {
  const type = inferItemType(item)
  const { conversation, names } = context
  switch (type) {
    case 'message': {
      const message = parseField(messageItemSchema, { ...item, type }, path)
      const contentPath = [...path, 'content']
      if (message.role === 'user') conversation.user(toUserParts(message.content, contentPath))
      else if (message.role === 'assistant') conversation.assistant(toAssistantTextParts(message.content, contentPath))
      else conversation.system(toSystemParts(message.content, contentPath, context.warnings))
      return
    }
    case 'function_call': {
      const call = parseField(functionCallItemSchema, item, path)
      const toolName = names.register(call.name, call.namespace)
      conversation.assistant([{ type: 'tool-call', toolCallId: call.call_id, toolName, kind: 'function', input: call.arguments, ...(call.id ? { itemId: call.id } : {}) }])
      return
    }
    case 'custom_tool_call': {
      const call = parseField(customToolCallItemSchema, item, path)
      const toolName = names.register(call.name, call.namespace)
      conversation.assistant([{ type: 'tool-call', toolCallId: call.call_id, toolName, kind: 'custom', input: call.input, ...(call.id ? { itemId: call.id } : {}) }])
      return
    }
    case 'function_call_output':
    case 'custom_tool_call_output': {
      const output = parseField(type === 'function_call_output' ? functionCallOutputItemSchema : customToolCallOutputItemSchema, item, path)
      const toolName = conversation.toolNameFor(output.call_id)
      conversation.toolResult({
        type: 'tool-result',
        toolCallId: output.call_id,
        ...(toolName !== undefined ? { toolName } : {}),
        kind: type === 'function_call_output' ? 'function' : 'custom',
        content: toToolResultContent(output.output),
      })
      return
    }
    case 'reasoning':
      conversation.assistant([toReasoningPart(parseField(reasoningItemSchema, item, path))])
      return
    case 'item_reference': {
      const reference = parseField(itemReferenceSchema, { ...item, type }, path)
      if (fromReference) throw invalidField([...path, 'id'], 'a stored item cannot itself be an item_reference')
      const stored = context.findItem?.(reference.id)
      if (!stored) throw invalidField([...path, 'id'], `no stored item has the id '${reference.id}' (items are kept only for responses created with store: true)`)
      convertInputItem(stored, path, context, true)
      return
    }
    case 'additional_tools':
      context.addTools(parseField(additionalToolsItemSchema, item, path).tools, [...path, 'tools'])
      return
    case 'configuration_update': {
      const update = parseField(configurationUpdateItemSchema, item, path)
      if (update.reasoning?.effort) context.setReasoningEffort(update.reasoning.effort)
      const ignored = Object.keys(update).filter((key) => key !== 'type' && key !== 'reasoning' && key !== 'id')
      const ignoredReasoning = Object.keys(update.reasoning ?? {}).filter((key) => key !== 'effort')
      const unsupported = [...ignored, ...ignoredReasoning.map((key) => `reasoning.${key}`)]
      if (unsupported.length > 0) context.warnings.push({ type: 'unsupported', feature: 'configuration_update settings', details: `${unsupported.join(', ')} at ${path.join('.')} are not applied` })
      return
    }
    default:
      if (type !== undefined && inexpressibleItemTypes.has(type)) {
        context.warnings.push({ type: 'unsupported', feature: `input item type "${type}"`, details: `dropped at ${path.join('.')}: only an OpenAI Responses upstream could replay it` })
        return
      }
      throw invalidField([...path, 'type'], type === undefined ? 'missing; an item without a type must be a message (role and content) or an item_reference (id)' : `unknown input item type '${type}'; expected one of ${itemTypes.join(', ')}`)
  }
}

/** As the official API: no `type` with a `role` is a message, with only an `id` an item reference. */
function inferItemType(item: Record<string, unknown>): string | undefined {
  if (typeof item.type === 'string') return item.type
  if (item.type != null) return undefined
  if ('role' in item) return 'message'
  if (typeof item.id === 'string') return 'item_reference'
  return undefined
}

function toReasoningPart(item: ReasoningItem): CifReasoningPart {
  const summary = (item.summary ?? []).map((part) => part.text)
  const content = (item.content ?? []).filter((part) => part.type === 'reasoning_text').map((part) => part.text)
  const text = (summary.length > 0 ? summary : content).join('\n\n')
  return { type: 'reasoning', text, ...(item.id ? { itemId: item.id } : {}), ...opaqueDataFromEncryptedContent(item.encrypted_content) }
}
