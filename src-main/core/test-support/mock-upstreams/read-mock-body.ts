import type { IncomingMessage } from 'node:http'

/** A node:http mock's request body: JSON when it parses, the text itself when not, undefined without a body. */
export async function readMockBody(request: IncomingMessage): Promise<unknown> {
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
