import type { CifDocumentPart, CifImagePart, CifUserPart, WarningCollector } from '../../cif'
import type { OpenAiCacheMarkers } from './openai-cache-markers'
import type { OpenAiChatQuirks } from './openai-chat-quirks'
import type { OpenAiChatUserPart } from './openai-chat-request'

export interface UserPartContext {
  quirks: OpenAiChatQuirks
  markers: OpenAiCacheMarkers
  warnings: WarningCollector
}

/**
 * One CIF user part → one chat content part, or undefined (with a warning) when the upstream cannot take it.
 * Text documents become text; PDFs become `file` parts where the upstream takes them.
 */
export function convertToOpenAiChatUserPart(part: CifUserPart, context: UserPartContext): OpenAiChatUserPart | undefined {
  const marker = context.markers.fieldsFor(part.cacheControl)
  const converted = part.type === 'text' ? { type: 'text' as const, text: part.text } : part.type === 'image' ? convertImage(part, context) : convertDocument(part, context)
  return converted && marker ? { ...converted, ...marker } : converted
}

function convertImage(part: CifImagePart, context: UserPartContext): OpenAiChatUserPart | undefined {
  const { source } = part
  if (source.type === 'file-id') {
    context.warnings.once('image-file-id', { type: 'unsupported', feature: 'image file id', details: 'chat image_url parts take URLs and data URLs only; the image was dropped' })
    return undefined
  }
  const url = source.type === 'url' ? source.url : `data:${source.mediaType};base64,${source.data}`
  return { type: 'image_url', image_url: { url, ...(part.detail ? { detail: part.detail } : {}) } }
}

function convertDocument(part: CifDocumentPart, context: UserPartContext): OpenAiChatUserPart | undefined {
  const { source } = part
  if (part.citations) context.warnings.once('document-citations', { type: 'unsupported', feature: 'document citations' })
  if (source.type === 'text') return { type: 'text', text: [part.title, part.context, source.text].filter(Boolean).join('\n\n') }
  if (part.context) context.warnings.once('document-context', { type: 'unsupported', feature: 'document context', details: 'file parts have no field for it' })
  if (!context.quirks.documentInput || source.type === 'url') {
    const details = source.type === 'url' ? 'chat file parts cannot fetch a URL' : 'this upstream takes no file parts'
    context.warnings.once(`document-${source.type}`, { type: 'unsupported', feature: `document (${source.type})`, details: `${details}; the document was dropped` })
    return undefined
  }
  if (source.type === 'file-id') return { type: 'file', file: { file_id: source.fileId } }
  const filename = part.filename ?? part.title ?? (source.mediaType === 'application/pdf' ? 'document.pdf' : 'document')
  return { type: 'file', file: { filename, file_data: `data:${source.mediaType};base64,${source.data}` } }
}
