import type { CifCacheControl, CifDocumentPart, CifImagePart, CifUserPart } from '../../cif'
import { invalidRequest } from '../../errors/gateway-error'
import { cacheControlFromHints } from './cache-control-from-hints'
import { cifTextPart, convertOpenAiChatTextContent, withCacheControl, withMessageCacheControl } from './convert-openai-chat-text-content'
import type { OpenAiChatFilePart, OpenAiChatImagePart, OpenAiChatUserPart } from './openai-chat-content-part-schema'
import { parseDataUrl } from './parse-data-url'

/** A user message's `content` → CIF user parts; `path` is the message's path, for error messages. */
export function convertOpenAiChatUserContent(content: string | OpenAiChatUserPart[], path: string, messageCacheControl?: CifCacheControl): CifUserPart[] {
  if (typeof content === 'string') return convertOpenAiChatTextContent(content, messageCacheControl)
  const parts = content.map((part, index): CifUserPart => {
    const partPath = `${path}.content.${index}`
    const cacheControl = cacheControlFromHints(part)
    switch (part.type) {
      case 'text':
        return cifTextPart(part.text, cacheControl)
      case 'image_url':
        return withCacheControl(convertImage(part, partPath), cacheControl)
      case 'file':
        return withCacheControl(convertFile(part, partPath), cacheControl)
      case 'input_audio':
        throw invalidRequest(`${partPath}.type: audio input ("input_audio") is not supported by the gateway; send text, images or files.`)
    }
  })
  return withMessageCacheControl(parts, messageCacheControl)
}

function convertImage(part: OpenAiChatImagePart, path: string): CifImagePart {
  const { url, detail } = part.image_url
  const image: CifImagePart = { type: 'image', source: imageSource(url, path) }
  if (detail) image.detail = detail
  return image
}

function imageSource(url: string, path: string): CifImagePart['source'] {
  if (url.startsWith('data:')) {
    const parsed = parseDataUrl(url)
    if (!parsed) throw invalidRequest(`${path}.image_url.url: malformed data URL; expected data:<media type>;base64,<data>.`)
    return { type: 'base64', mediaType: parsed.mediaType, data: parsed.data }
  }
  if (/^https?:\/\//i.test(url)) return { type: 'url', url }
  throw invalidRequest(`${path}.image_url.url: expected an http(s) URL or a data URL.`)
}

const mediaTypeByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  html: 'text/html',
}

/** Chat `file` parts carry a file id or base64 data (a data URL, or bare base64 with a filename). */
function convertFile(part: OpenAiChatFilePart, path: string): CifDocumentPart {
  const { file_id: fileId, file_data: fileData, filename } = part.file
  let source: CifDocumentPart['source']
  if (fileId) source = { type: 'file-id', fileId }
  else if (fileData) {
    const parsed = fileData.startsWith('data:') ? parseDataUrl(fileData) : undefined
    if (fileData.startsWith('data:') && !parsed) throw invalidRequest(`${path}.file.file_data: malformed data URL.`)
    const extension = filename?.split('.').pop()?.toLowerCase() ?? ''
    source = parsed
      ? { type: 'base64', mediaType: parsed.mediaType, data: parsed.data }
      : { type: 'base64', mediaType: mediaTypeByExtension[extension] ?? 'application/pdf', data: fileData }
  } else throw invalidRequest(`${path}.file: either file_id or file_data is required.`)
  const document: CifDocumentPart = { type: 'document', source }
  if (filename) document.filename = filename
  return document
}
