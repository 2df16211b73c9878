import type { CifDocumentPart, CifImagePart, CifMediaSource, CifWarning } from '../../cif'
import type { AnthropicDocumentBlock, AnthropicImageBlock, AnthropicSearchResultBlock } from './anthropic-content-block-schema'
import { reportUnmappedFields } from './report-unmapped-fields'
import { toCifCacheControl } from './to-cif-cache-control'

type ImageSource = AnthropicImageBlock['source']

function toCifMediaSource(source: ImageSource | Extract<AnthropicDocumentBlock['source'], { type: 'url' | 'file' }>): CifMediaSource {
  if (source.type === 'base64') return { type: 'base64', mediaType: source.media_type, data: source.data }
  if (source.type === 'url') return { type: 'url', url: source.url }
  return { type: 'file-id', fileId: source.file_id }
}

export function toCifImagePart(block: AnthropicImageBlock, path: string, warnings: CifWarning[]): CifImagePart {
  reportUnmappedFields(block, ['type', 'source', 'cache_control'], path, warnings)
  const part: CifImagePart = { type: 'image', source: toCifMediaSource(block.source) }
  const cacheControl = toCifCacheControl(block.cache_control, path, warnings)
  if (cacheControl) part.cacheControl = cacheControl
  return part
}

/**
 * A `document` block. A "content" source (the client's own text and image blocks) has no CIF slot: its
 * text becomes one plain-text document and its images follow the document as image parts, with a warning
 * (citations then point into the joined text rather than at individual blocks).
 */
export function toCifDocumentParts(block: AnthropicDocumentBlock, path: string, warnings: CifWarning[]): Array<CifDocumentPart | CifImagePart> {
  reportUnmappedFields(block, ['type', 'source', 'title', 'context', 'citations', 'cache_control'], path, warnings)
  const source = block.source
  const details: Omit<CifDocumentPart, 'type' | 'source'> = {}
  if (block.title) details.title = block.title
  if (block.context) details.context = block.context
  if (block.citations?.enabled !== undefined) details.citations = block.citations.enabled
  const cacheControl = toCifCacheControl(block.cache_control, path, warnings)
  if (cacheControl) details.cacheControl = cacheControl

  if (source.type === 'base64') return [{ type: 'document', source: { type: 'base64', mediaType: source.media_type, data: source.data }, ...details }]
  if (source.type === 'text') return [{ type: 'document', source: { type: 'text', mediaType: source.media_type, text: source.data }, ...details }]
  if (source.type !== 'content') return [{ type: 'document', source: toCifMediaSource(source), ...details }]

  if (typeof source.content === 'string') return [{ type: 'document', source: { type: 'text', mediaType: 'text/plain', text: source.content }, ...details }]
  warnings.push({ type: 'other', message: `${path}.source: a "content" document source became one plain-text document (its images follow it as image parts).` })
  const text = source.content.flatMap((inner) => (inner.type === 'text' ? [inner.text] : [])).join('\n\n')
  const images = source.content.flatMap((inner, index) => (inner.type === 'image' ? [toCifImagePart(inner, `${path}.source.content.${index}`, warnings)] : []))
  const document: CifDocumentPart[] = text ? [{ type: 'document', source: { type: 'text', mediaType: 'text/plain', text }, ...details }] : []
  return [...document, ...images]
}

/**
 * A `search_result` block (the client's own search results, citable) has no CIF slot; it becomes a
 * plain-text document titled like the result, whose context names the result's source.
 */
export function toCifSearchResultPart(block: AnthropicSearchResultBlock, path: string, warnings: CifWarning[]): CifDocumentPart {
  reportUnmappedFields(block, ['type', 'source', 'title', 'content', 'citations', 'cache_control'], path, warnings)
  warnings.push({ type: 'other', message: `${path}: a search_result block became a plain-text document (citations refer to the document, not to search_result locations).` })
  const part: CifDocumentPart = {
    type: 'document',
    source: { type: 'text', mediaType: 'text/plain', text: block.content.map((inner) => inner.text).join('\n\n') },
    title: block.title,
    context: `Source: ${block.source}`,
  }
  if (block.citations?.enabled !== undefined) part.citations = block.citations.enabled
  const cacheControl = toCifCacheControl(block.cache_control, path, warnings)
  if (cacheControl) part.cacheControl = cacheControl
  return part
}
