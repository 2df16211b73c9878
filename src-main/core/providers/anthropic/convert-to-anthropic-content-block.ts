import type { CifDocumentPart, CifImagePart, CifTextPart, CifWarning } from '../../cif'
import type { AnthropicDocumentBlock, AnthropicImageBlock, AnthropicTextBlock } from './anthropic-request-body'
import { toAnthropicCacheControl } from './to-anthropic-cache-control'

export type AnthropicMediaBlock = AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock

/**
 * A text, image or document part → its Messages block. Returns undefined (with a warning where
 * something is lost) for what the API rejects: empty text, document types it cannot read.
 */
export function convertToAnthropicContentBlock(part: CifTextPart | CifImagePart | CifDocumentPart, warnings: CifWarning[]): AnthropicMediaBlock | undefined {
  switch (part.type) {
    case 'text':
      return convertText(part, warnings)
    case 'image':
      return convertImage(part, warnings)
    case 'document':
      return convertDocument(part, warnings)
  }
}

function convertText(part: CifTextPart, warnings: CifWarning[]): AnthropicTextBlock | undefined {
  if (part.text === '') {
    // The API rejects empty text blocks; an empty part carries nothing but its cache breakpoint.
    if (part.cacheControl) warnings.push({ type: 'other', message: 'An empty text part was dropped (the Messages API rejects empty text blocks), and its cache_control breakpoint with it.' })
    return undefined
  }
  return { type: 'text', text: part.text, ...toAnthropicCacheControl(part.cacheControl) }
}

function convertImage(part: CifImagePart, warnings: CifWarning[]): AnthropicImageBlock {
  if (part.detail && part.detail !== 'auto') warnings.push({ type: 'unsupported', feature: 'image.detail', details: `Anthropic has no image detail setting; "${part.detail}" was ignored.` })
  const source = part.source
  const wireSource: AnthropicImageBlock['source'] =
    source.type === 'base64'
      ? { type: 'base64', media_type: source.mediaType, data: source.data }
      : source.type === 'url'
        ? { type: 'url', url: source.url }
        : { type: 'file', file_id: source.fileId }
  return { type: 'image', source: wireSource, ...toAnthropicCacheControl(part.cacheControl) }
}

function convertDocument(part: CifDocumentPart, warnings: CifWarning[]): AnthropicDocumentBlock | undefined {
  const source = toDocumentSource(part.source)
  if (!source) {
    const mediaType = 'mediaType' in part.source ? part.source.mediaType : part.source.type
    warnings.push({ type: 'unsupported', feature: 'document', details: `Anthropic reads PDF and plain-text documents only; a ${mediaType} document was dropped.` })
    return undefined
  }
  const block: AnthropicDocumentBlock = { type: 'document', source }
  // The Messages API has no file name; it names a document by its title.
  const title = part.title ?? part.filename
  if (title !== undefined) block.title = title
  if (part.context !== undefined) block.context = part.context
  if (part.citations !== undefined) block.citations = { enabled: part.citations }
  return { ...block, ...toAnthropicCacheControl(part.cacheControl) }
}

function toDocumentSource(source: CifDocumentPart['source']): AnthropicDocumentBlock['source'] | undefined {
  switch (source.type) {
    case 'url':
      return { type: 'url', url: source.url }
    case 'file-id':
      return { type: 'file', file_id: source.fileId }
    case 'text':
      return { type: 'text', media_type: 'text/plain', data: source.text }
    case 'base64':
      if (source.mediaType === 'application/pdf') return { type: 'base64', media_type: 'application/pdf', data: source.data }
      if (source.mediaType.startsWith('text/')) return { type: 'text', media_type: 'text/plain', data: Buffer.from(source.data, 'base64').toString('utf8') }
      return undefined
  }
}
