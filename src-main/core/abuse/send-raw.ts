import { request, type IncomingHttpHeaders } from 'node:http'

export interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

export interface RawRequestOptions {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** No complete answer within this long rejects (and destroys the socket): a hang is a failure, not a wait. */
  timeoutMs: number
}

/** One request on a fresh connection (no agent, so nothing outlives it), with exact bytes and a deadline. */
export function sendRaw(url: string, options: RawRequestOptions): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        clearTimeout(timer)
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })
      })
      response.on('error', fail)
    })
    const timer = setTimeout(() => {
      outgoing.destroy()
      reject(new Error(`no complete answer within ${options.timeoutMs} ms: ${options.method ?? 'GET'} ${url}`))
    }, options.timeoutMs)
    function fail(error: Error) {
      clearTimeout(timer)
      reject(error)
    }
    outgoing.on('error', fail)
    outgoing.end(options.body)
  })
}

/** Runs `work` over `items` with at most `limit` at a time; results keep the input order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
