/**
 * `data:<media type>[;base64],<data>` → media type and base64 data. A percent-encoded (non-base64) data
 * URL is re-encoded as base64, so every adapter sees one form. Anything else → undefined.
 */
export function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  const match = /^data:([^,]*?),(.*)$/s.exec(url)
  if (!match) return undefined
  const [, header = '', payload = ''] = match
  const isBase64 = /;base64$/i.test(header)
  const mediaType = (isBase64 ? header.slice(0, -';base64'.length) : header).split(';')[0]!.trim() || 'text/plain'
  const data = isBase64 ? payload : Buffer.from(decodeURIComponent(payload), 'utf8').toString('base64')
  return { mediaType: mediaType.toLowerCase(), data }
}
