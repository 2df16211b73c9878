import type { CifMediaSource } from '../../cif'

const dataUrlPattern = /^data:([^;,]+)?((?:;[^;,]+)*?);base64,(.*)$/s

const mediaTypeByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  html: 'text/html',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
}

/** A URL the client gave for an image or file: `data:…;base64,…` becomes inline bytes, anything else stays a URL. */
export function mediaSourceFromUrl(url: string): CifMediaSource {
  const match = dataUrlPattern.exec(url)
  if (!match) return { type: 'url', url }
  return { type: 'base64', mediaType: match[1] ?? 'application/octet-stream', data: match[3] ?? '' }
}

/** `input_file.file_data`: a data URL, or bare base64 whose type the file name tells. */
export function mediaSourceFromFileData(fileData: string, filename: string | null | undefined): CifMediaSource {
  if (fileData.startsWith('data:')) return mediaSourceFromUrl(fileData)
  return { type: 'base64', mediaType: mediaTypeForFilename(filename), data: fileData }
}

export function mediaTypeForFilename(filename: string | null | undefined): string {
  const extension = filename?.split('.').pop()?.toLowerCase()
  return (extension && mediaTypeByExtension[extension]) || 'application/octet-stream'
}
