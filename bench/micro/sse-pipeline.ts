// Translation cost per SSE event, without HTTP: the exact code the gateway runs between the upstream's
// bytes and the client's bytes, fed from memory. run.mjs bundles this file with rolldown (already a
// dependency of electron-vite) and runs it in a child process; it prints one JSON line of results.
//
// Stages, each one a superset of the one before:
//   decode        bytes → SSE events (TextDecoder + eventsource-parser's parser in one TransformStream,
//                 createSseDecoder), drained
//   parse         + JSON.parse + the chunk fast path / zod schema (parseJsonEventStream, one TransformStream)
//   transform     + the openai-compatible chunk → CIF part transform and endStreamWithErrorPart — i.e. the
//                 provider's whole stream() fed by a fake upstream client
//   translated    + the Anthropic stream serializer and TextEncoder, in the loop streamToClient runs
//   passthrough   same-dialect: the body forwarded through endPassthroughWithErrorEvent (for comparison)
// and serializer-only: the Anthropic serializer alone on ready CIF parts (no streams at all).
import type { CifRequest, CifStreamPart } from '../../src-main/core/cif'
import { endPassthroughWithErrorEvent } from '../../src-main/core/http/end-passthrough-with-error-event'
import { createAnthropicMessagesStreamSerializer } from '../../src-main/core/ingress/anthropic-messages/create-anthropic-messages-stream-serializer'
import type { UpstreamHttpClient, UpstreamResponse } from '../../src-main/core/providers/http/upstream-http-client'
import { openAiChatChunkSchema } from '../../src-main/core/providers/openai-compatible/openai-chat-api'
import { createOpenAiCompatibleProvider } from '../../src-main/core/providers/openai-compatible/openai-compatible-provider'
import { commonOpenAiChatChunk } from '../../src-main/core/providers/openai-compatible/common-openai-chat-chunk'
import { createSseDecoder } from '../../src-main/core/sse/create-sse-decoder'
import type { SseEvent } from '../../src-main/core/sse/decode-sse'
import { parseJsonEventStream } from '../../src-main/core/sse/parse-json-event-stream'

const CONTENT_CHUNKS = 50
const created = 1_700_000_000

function chunk(delta: Record<string, unknown>, finishReason: string | null = null): string {
  return `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created, model: 'm', choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`
}

const events: string[] = [chunk({ role: 'assistant', content: '' })]
for (let i = 0; i < CONTENT_CHUNKS - 2; i++) events.push(chunk({ content: ` tok${i}` }))
events.push(chunk({}, 'stop'))
events.push(`data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created, model: 'm', choices: [], usage: { prompt_tokens: 24, completion_tokens: 48, total_tokens: 72 } })}\n\n`)
events.push('data: [DONE]\n\n')
const encoded = events.map((text) => new TextEncoder().encode(text))
/** Every upstream SSE event counts, the usage chunk and [DONE] included. */
const EVENTS_PER_STREAM = encoded.length

/** The upstream body as undici delivers it on loopback: one network chunk per event. */
function upstreamBody(): ReadableStream<Uint8Array> {
  let next = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = encoded[next++]
      if (part) controller.enqueue(part)
      else controller.close()
    },
  })
}

const fakeHttp: UpstreamHttpClient = {
  async request(): Promise<UpstreamResponse> {
    const body = upstreamBody()
    return { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' }, body, text: async () => '' }
  },
  close: async () => undefined,
}
const provider = createOpenAiCompatibleProvider({ instanceId: 'up', baseUrl: 'http://127.0.0.1:1/v1', apiKey: 'x' }, { http: fakeHttp })
const request: CifRequest = { model: 'm', stream: true, maxOutputTokens: 64, system: [], messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hello' }] }] }
const callOptions = { signal: new AbortController().signal, clientHeaders: {}, requestId: 'bench' }
const context = { model: 'claude-bench', requestId: 'bench', created }
const silentLogger = { warn() {}, error() {}, info() {}, debug() {} } as unknown as Parameters<typeof endPassthroughWithErrorEvent>[0]['logger']

async function drain<T>(stream: ReadableStream<T>): Promise<number> {
  const reader = stream.getReader()
  let count = 0
  for (;;) {
    const { done } = await reader.read()
    if (done) return count
    count++
  }
}

/** The loop handle-generation's streamToClient runs: read a part, serialise it, encode it. */
async function toClientBytes(parts: ReadableStream<CifStreamPart>): Promise<number> {
  const serializer = createAnthropicMessagesStreamSerializer(context)
  const encoder = new TextEncoder()
  const reader = parts.getReader()
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return bytes
    const text = serializer.write(value)
    if (text) bytes += encoder.encode(text).byteLength
    if (value.type === 'finish' || value.type === 'error') {
      await reader.cancel().catch(() => undefined)
      return bytes
    }
  }
}

/** Bytes → SSE events the way the providers' one-stream path decodes them. */
function decodeEvents(body: ReadableStream<Uint8Array>): ReadableStream<SseEvent> {
  let decoder: ReturnType<typeof createSseDecoder>
  return body.pipeThrough(
    new TransformStream<Uint8Array, SseEvent>({
      start(controller) {
        decoder = createSseDecoder((event) => controller.enqueue(event))
      },
      transform: (bytes) => decoder.push(bytes),
      flush: () => decoder.end(),
    }),
  )
}

let readyParts: CifStreamPart[] = []

const stages: Record<string, () => Promise<unknown>> = {
  decode: () => drain(decodeEvents(upstreamBody())),
  parse: () => drain(parseJsonEventStream(upstreamBody(), openAiChatChunkSchema, commonOpenAiChatChunk)),
  transform: async () => drain(await provider.stream(request, callOptions)),
  translated: async () => toClientBytes(await provider.stream(request, callOptions)),
  passthrough: () =>
    drain(endPassthroughWithErrorEvent({ body: upstreamBody(), serializer: createAnthropicMessagesStreamSerializer(context), signal: callOptions.signal, logger: silentLogger, requestId: 'bench' })),
  'serializer-only': async () => {
    const serializer = createAnthropicMessagesStreamSerializer(context)
    const encoder = new TextEncoder()
    for (const part of readyParts) {
      const text = serializer.write(part)
      if (text) encoder.encode(text)
    }
  },
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick')
  const streamsPerSample = quick ? 100 : 400
  const samples = quick ? 3 : 7
  // The CIF parts of one stream, for the serializer-only stage.
  const partsReader = (await provider.stream(request, callOptions)).getReader()
  for (;;) {
    const { done, value } = await partsReader.read()
    if (done) break
    readyParts.push(value)
  }
  readyParts = readyParts.slice()

  const results: Record<string, { usPerEvent: number; spread: [number, number] }> = {}
  for (const stage of Object.keys(stages)) {
    const run = stages[stage]!
    for (let i = 0; i < streamsPerSample * 2; i++) await run() // warm-up: JIT and inline caches
  }
  const perStage: Record<string, number[]> = Object.fromEntries(Object.keys(stages).map((stage) => [stage, []]))
  // Interleaved: every sample runs every stage once, so drift (another process, GC) spreads over all.
  for (let sample = 0; sample < samples; sample++) {
    for (const stage of Object.keys(stages)) {
      const run = stages[stage]!
      const start = process.hrtime.bigint()
      for (let i = 0; i < streamsPerSample; i++) await run()
      const elapsedNs = Number(process.hrtime.bigint() - start)
      perStage[stage]!.push(elapsedNs / 1000 / (streamsPerSample * EVENTS_PER_STREAM))
    }
  }
  for (const [stage, values] of Object.entries(perStage)) results[stage] = { usPerEvent: median(values), spread: [Math.min(...values), Math.max(...values)] }
  process.stdout.write(`${JSON.stringify({ eventsPerStream: EVENTS_PER_STREAM, partsPerStream: readyParts.length, streamsPerSample, samples, results })}\n`)
}

await main()
