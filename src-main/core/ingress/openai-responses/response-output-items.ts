import type { CifReasoningPart, CifToolKind } from '../../cif'
import { encryptedContentFor } from './reasoning-envelope'
import type { ToolNameMap } from './tool-name-map'

/** The output items of a Response object, shaped as the official API sends them. */

export type ItemStatus = 'in_progress' | 'completed' | 'incomplete'

export interface OutputText {
  type: 'output_text'
  text: string
  annotations: []
  logprobs: []
}

export interface MessageItem {
  id: string
  type: 'message'
  status: ItemStatus
  role: 'assistant'
  content: OutputText[]
}

export interface ReasoningItem {
  id: string
  type: 'reasoning'
  summary: Array<{ type: 'summary_text'; text: string }>
  encrypted_content?: string
}

export interface FunctionCallItem {
  id: string
  type: 'function_call'
  status: ItemStatus
  call_id: string
  name: string
  namespace?: string
  arguments: string
}

export interface CustomToolCallItem {
  id: string
  type: 'custom_tool_call'
  status: ItemStatus
  call_id: string
  name: string
  namespace?: string
  input: string
}

export type OutputItem = MessageItem | ReasoningItem | FunctionCallItem | CustomToolCallItem

export interface ToolCallOutput {
  id: string
  callId: string
  /** The CIF name; split back into the client's name and namespace here. */
  toolName: string
  kind: CifToolKind
  input: string
}

export function outputText(text: string): OutputText {
  return { type: 'output_text', text, annotations: [], logprobs: [] }
}

export function messageItem(id: string, texts: string[], status: ItemStatus): MessageItem {
  return { id, type: 'message', status, role: 'assistant', content: texts.map(outputText) }
}

/** Reasoning is a reasoning item, never text: its visible part is the summary. */
export function reasoningItem(id: string, part: Pick<CifReasoningPart, 'text' | 'signature' | 'redactedData' | 'encryptedContent' | 'origin'>): ReasoningItem {
  const encrypted = encryptedContentFor(part)
  return {
    id,
    type: 'reasoning',
    summary: part.text !== '' ? [{ type: 'summary_text', text: part.text }] : [],
    ...(encrypted !== undefined ? { encrypted_content: encrypted } : {}),
  }
}

export function toolCallItem(call: ToolCallOutput, names: ToolNameMap, status: ItemStatus): FunctionCallItem | CustomToolCallItem {
  const { name, namespace } = names.split(call.toolName)
  const common = { id: call.id, status, call_id: call.callId, name, ...(namespace !== undefined ? { namespace } : {}) }
  return call.kind === 'custom' ? { ...common, type: 'custom_tool_call', input: call.input } : { ...common, type: 'function_call', arguments: call.input }
}

/** `output_text`: every output_text of every message item, joined, as the SDKs compute it. */
export function outputTextOf(items: readonly OutputItem[]): string {
  return items.flatMap((item) => (item.type === 'message' ? item.content.map((part) => part.text) : [])).join('')
}
