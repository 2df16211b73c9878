import type { CifDocumentPart, CifImagePart, CifUserPart, WarningCollector } from '../../cif'
import type { GeminiPart } from './gemini-request-body'

/** Media types by file extension, for URL media (Gemini's `fileData` needs a MIME type). */
const mediaTypesByExtension: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  csv: 'text/csv',
}

/**
 * User content → Gemini parts: text as `text`, inline images and PDFs / text documents as `inlineData`,
 * URL images and documents as `fileData` (Gemini fetches Files-API, YouTube and public URLs; it may
 * refuse others, so this is warned). Provider file ids of other vendors cannot be read: dropped.
 */
export function convertToGeminiUserParts(parts: CifUserPart[], warnings: WarningCollector): GeminiPart[] {
  return parts.flatMap((part): GeminiPart[] => {
    if (part.type === 'text') return part.text === '' ? [] : [{ text: part.text }]
    if (part.type === 'image') return convertImage(part, warnings)
    return convertDocument(part, warnings)
  })
}

function convertImage(part: CifImagePart, warnings: WarningCollector): GeminiPart[] {
  if (part.detail && part.detail !== 'auto') warnings.once('image-detail', { type: 'unsupported', feature: 'image.detail', details: `Gemini has no per-image detail setting; "${part.detail}" was ignored.` })
  const source = part.source
  if (source.type === 'base64') return [{ inlineData: { mimeType: source.mediaType, data: source.data } }]
  if (source.type === 'url') {
    warnings.once('url-media', urlWarning)
    return [{ fileData: { mimeType: mediaTypeOfUrl(source.url, 'image/jpeg'), fileUri: source.url } }]
  }
  warnings.once('file-id', fileIdWarning)
  return []
}

function convertDocument(part: CifDocumentPart, warnings: WarningCollector): GeminiPart[] {
  if (part.title !== undefined || part.filename !== undefined || part.context !== undefined || part.citations) {
    warnings.once('document-metadata', { type: 'unsupported', feature: 'document title/context/citations', details: 'Gemini reads a document as bare data; its title, context and citations setting were dropped.' })
  }
  const source = part.source
  switch (source.type) {
    case 'text':
      return [{ inlineData: { mimeType: 'text/plain', data: Buffer.from(source.text, 'utf8').toString('base64') } }]
    case 'base64':
      if (source.mediaType === 'application/pdf' || source.mediaType.startsWith('text/')) return [{ inlineData: { mimeType: source.mediaType, data: source.data } }]
      warnings.add({ type: 'unsupported', feature: 'document', details: `Gemini reads PDF and text documents; a ${source.mediaType} document was dropped.` })
      return []
    case 'url':
      warnings.once('url-media', urlWarning)
      return [{ fileData: { mimeType: mediaTypeOfUrl(source.url, 'application/pdf'), fileUri: source.url } }]
    case 'file-id':
      warnings.once('file-id', fileIdWarning)
      return []
  }
}

function mediaTypeOfUrl(url: string, fallback: string): string {
  const path = URL.canParse(url) ? new URL(url).pathname : url
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase()
  return mediaTypesByExtension[extension ?? ''] ?? fallback
}

const urlWarning = {
  type: 'other',
  message: 'Media given by URL was sent as Gemini fileData; Gemini fetches Files-API, YouTube and public URLs and may refuse others.',
} as const

const fileIdWarning = {
  type: 'unsupported',
  feature: 'file id',
  details: 'A provider file id (OpenAI / Anthropic Files API) means nothing to Gemini; the file was dropped.',
} as const
