import type { CifDocumentPart, CifImagePart, CifSystemPart, CifTextPart, CifToolResultContent, CifUserPart, CifWarning } from '../../cif'
import { mediaSourceFromFileData, mediaSourceFromUrl } from './media-source'
import type { MessageContentPart, ToolOutputContentPart } from './openai-responses-input-item-schema'
import { invalidField, type FieldPath } from './parse-field'

type ImageContent = Extract<MessageContentPart, { type: 'input_image' }>
type FileContent = Extract<MessageContentPart, { type: 'input_file' }>

/** User message content → CIF user parts. Audio has no CIF home, and dropping it would change the question. */
export function toUserParts(content: string | MessageContentPart[], path: FieldPath): CifUserPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  return content.map((part, index): CifUserPart => {
    if (part.type === 'input_image') return toImagePart(part)
    if (part.type === 'input_file') return toDocumentPart(part)
    if (part.type === 'input_audio') throw invalidField([...path, index, 'type'], 'input_audio is not supported: no upstream the gateway talks to can take audio input')
    return { type: 'text', text: textOf(part) }
  })
}

/** Assistant message content (an earlier answer echoed back) → text parts; a refusal is kept as its text. */
export function toAssistantTextParts(content: string | MessageContentPart[], path: FieldPath): CifTextPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  return content.map((part, index) => {
    if (part.type === 'input_text' || part.type === 'output_text' || part.type === 'refusal') return { type: 'text', text: textOf(part) }
    throw invalidField([...path, index, 'type'], `an assistant message can only hold output_text or refusal, not ${part.type}`)
  })
}

/** System and developer content is text only; anything else is dropped with a warning. */
export function toSystemParts(content: string | MessageContentPart[], path: FieldPath, warnings: CifWarning[]): CifSystemPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  const parts: CifSystemPart[] = []
  content.forEach((part, index) => {
    if (part.type === 'input_text' || part.type === 'output_text') parts.push({ type: 'text', text: part.text })
    else warnings.push({ type: 'unsupported', feature: `${part.type} in a system or developer message`, details: `dropped at ${[...path, index].join('.')}: system prompts carry text only` })
  })
  return parts
}

/** `function_call_output.output` / `custom_tool_call_output.output`. */
export function toToolResultContent(output: string | ToolOutputContentPart[]): CifToolResultContent[] {
  if (typeof output === 'string') return [{ type: 'text', text: output }]
  return output.map((part): CifToolResultContent => {
    if (part.type === 'input_image') return toImagePart(part)
    if (part.type === 'input_file') return toDocumentPart(part)
    return { type: 'text', text: part.text }
  })
}

function textOf(part: Extract<MessageContentPart, { type: 'input_text' | 'output_text' | 'refusal' }>): string {
  return part.type === 'refusal' ? part.refusal : part.text
}

function toImagePart(part: ImageContent): CifImagePart {
  const source = part.image_url ? mediaSourceFromUrl(part.image_url) : { type: 'file-id' as const, fileId: part.file_id! }
  return { type: 'image', source, ...(part.detail ? { detail: part.detail } : {}) }
}

function toDocumentPart(part: FileContent): CifDocumentPart {
  const source = part.file_id
    ? { type: 'file-id' as const, fileId: part.file_id }
    : part.file_data
      ? mediaSourceFromFileData(part.file_data, part.filename)
      : mediaSourceFromUrl(part.file_url!)
  return { type: 'document', source, ...(part.filename ? { filename: part.filename } : {}) }
}
