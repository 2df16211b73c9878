// A fast OpenAI Chat Completions upstream for the benchmark (run as a child process by run.mjs).
// POST /v1/chat/completions answers one fixed completion, or — when the body asks for `"stream":true` —
// a 50-chunk SSE stream (role chunk, 48 one-token content chunks, finish chunk), a usage chunk and [DONE].
// It does as little as it can per request (no JSON.parse of the body): it is the floor, not the subject.
import { createServer } from 'node:http'

export const STREAM_CHUNKS = 50

const created = Math.floor(Date.now() / 1000)
const completion = Buffer.from(
  JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created,
    model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hello! This is a fixed answer from the benchmark upstream.' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 24, completion_tokens: 12, total_tokens: 36 },
  }),
)

function chunk(delta, finishReason = null) {
  return `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created, model: 'm', choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`
}
const streamEvents = [chunk({ role: 'assistant', content: '' })]
for (let i = 0; i < STREAM_CHUNKS - 2; i++) streamEvents.push(chunk({ content: ` tok${i}` }))
streamEvents.push(chunk({}, 'stop'))
streamEvents.push(`data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created, model: 'm', choices: [], usage: { prompt_tokens: 24, completion_tokens: 48, total_tokens: 72 } })}\n\n`)
streamEvents.push('data: [DONE]\n\n')
const streamBuffers = streamEvents.map((text) => Buffer.from(text))

const server = createServer((req, res) => {
  const parts = []
  req.on('data', (part) => parts.push(part))
  req.on('end', () => {
    if (req.method !== 'POST' || !req.url.startsWith('/v1/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}')
      return
    }
    const body = parts.length === 1 ? parts[0].toString() : Buffer.concat(parts).toString()
    if (!/"stream"\s*:\s*true/.test(body)) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': completion.length }).end(completion)
      return
    }
    // One write per event and a turn of the event loop between two, as a real upstream flushes token by
    // token: each event is its own HTTP chunk and TCP send, so the gateway's first byte is not hidden in
    // the time it takes to process the whole body (no sleeping: the stream still ends within ~1 ms).
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' })
    let next = 0
    const writeNext = () => {
      if (res.destroyed) return
      res.write(streamBuffers[next++])
      if (next < streamBuffers.length) setImmediate(writeNext)
      else res.end()
    }
    writeNext()
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`))
process.on('SIGTERM', () => process.exit(0))
