/** Bytes of PDF per page when the page objects cannot be counted (compressed object streams). */
const bytesPerPageGuess = 100_000

/**
 * How many pages a base64 PDF has: its `/Type /Page` objects (not `/Pages`), or, when they are hidden in
 * compressed object streams, one page per ~100 KB. Never less than one.
 */
export function estimateDocumentPages(base64Data: string): number {
  const bytes = Buffer.from(base64Data, 'base64')
  const pageObjects = bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  if (pageObjects > 0) return pageObjects
  return Math.max(1, Math.round(bytes.length / bytesPerPageGuess))
}
