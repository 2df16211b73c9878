export type Surface = 'openai-chat' | 'anthropic-messages'

/**
 * What a client made of one answer: a complete answer, an error it can read (an HTTP error in its dialect's
 * shape, or the dialect's error event ending a stream), or something a client cannot make sense of.
 */
export type Outcome = { kind: 'complete' } | { kind: 'http-error'; status: number } | { kind: 'stream-error' } | { kind: 'invalid'; reason: string }

interface SseEvent {
  event?: string
  data: string
}

/** Splits a whole SSE body into events (comments and keep-alive lines dropped). */
export function parseSse(text: string): { events: SseEvent[]; trailing: string } {
  const blocks = text.replace(/\r\n/g, '\n').split('\n\n')
  const trailing = blocks.pop() ?? ''
  const events: SseEvent[] = []
  for (const block of blocks) {
    let event: string | undefined
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue
      if (line.startsWith('event:')) event = line.slice(6).trim()
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
    }
    if (event !== undefined || data.length > 0) events.push({ event, data: data.join('\n') })
  }
  return { events, trailing }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

type Json = Record<string, unknown>
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isErrorObject = (value: unknown) => isRecord(value) && typeof value.message === 'string' && typeof value.type === 'string'

export function isDialectErrorBody(surface: Surface, body: unknown): boolean {
  if (!isRecord(body)) return false
  return surface === 'openai-chat' ? isErrorObject(body.error) : body.type === 'error' && isErrorObject(body.error)
}

/** Classifies one HTTP answer as the surface's client would read it. */
export function classifyAnswer(surface: Surface, stream: boolean, status: number, contentType: string, body: string): Outcome {
  if (status !== 200) {
    const json = parseJson(body)
    if (status < 400) return { kind: 'invalid', reason: `status ${status}` }
    return isDialectErrorBody(surface, json) ? { kind: 'http-error', status } : { kind: 'invalid', reason: `status ${status} with a body not in the dialect's shape: ${body.slice(0, 200)}` }
  }
  if (!stream) {
    const json = parseJson(body)
    if (!isRecord(json)) return { kind: 'invalid', reason: `200 with a body that is not a JSON object: ${body.slice(0, 200)}` }
    if (surface === 'openai-chat') {
      const choice = Array.isArray(json.choices) && isRecord(json.choices[0]) ? json.choices[0] : undefined
      const message = choice && isRecord(choice.message) ? choice.message : undefined
      return message && message.content === 'pong' && choice?.finish_reason === 'stop' ? { kind: 'complete' } : { kind: 'invalid', reason: `incomplete chat completion: ${body.slice(0, 200)}` }
    }
    const first = Array.isArray(json.content) && isRecord(json.content[0]) ? json.content[0] : undefined
    return json.type === 'message' && first?.text === 'pong' && json.stop_reason === 'end_turn' ? { kind: 'complete' } : { kind: 'invalid', reason: `incomplete message: ${body.slice(0, 200)}` }
  }
  if (!contentType.startsWith('text/event-stream')) return { kind: 'invalid', reason: `a stream answered with content-type ${contentType}` }
  const { events, trailing } = parseSse(body)
  if (trailing.trim() !== '') return { kind: 'invalid', reason: `the stream ends inside an event: ${trailing.slice(0, 120)}` }
  return surface === 'openai-chat' ? classifyChatStream(events) : classifyAnthropicStream(events)
}

function classifyChatStream(events: SseEvent[]): Outcome {
  let text = ''
  let finished = false
  for (const [index, { data }] of events.entries()) {
    const last = index === events.length - 1
    if (data === '[DONE]') return last && finished && text === 'pong' ? { kind: 'complete' } : { kind: 'invalid', reason: `[DONE] after ${JSON.stringify(text)}, finished ${finished}, last ${last}` }
    const json = parseJson(data)
    if (isRecord(json) && 'error' in json) return last && isErrorObject(json.error) ? { kind: 'stream-error' } : { kind: 'invalid', reason: `an error event that is not last or not an error object: ${data}` }
    const choice = isRecord(json) && Array.isArray(json.choices) && isRecord(json.choices[0]) ? json.choices[0] : undefined
    if (!choice) continue // usage-only chunks
    if (isRecord(choice.delta) && typeof choice.delta.content === 'string') text += choice.delta.content
    if (choice.finish_reason) finished = true
  }
  return { kind: 'invalid', reason: `the stream ended with neither [DONE] nor an error event (${events.length} events, text ${JSON.stringify(text)})` }
}

function classifyAnthropicStream(events: SseEvent[]): Outcome {
  let text = ''
  if (events[0]?.event !== 'message_start' && events[0]?.event !== 'error') return { kind: 'invalid', reason: `the stream starts with ${events[0]?.event}` }
  for (const [index, { event, data }] of events.entries()) {
    const last = index === events.length - 1
    const json = parseJson(data)
    if (event === 'error') return last && isDialectErrorBody('anthropic-messages', json) ? { kind: 'stream-error' } : { kind: 'invalid', reason: `an error event that is not last or not in the dialect's shape: ${data}` }
    if (event === 'content_block_delta' && isRecord(json) && isRecord(json.delta) && typeof json.delta.text === 'string') text += json.delta.text
    if (event === 'message_stop') return last && text === 'pong' ? { kind: 'complete' } : { kind: 'invalid', reason: `message_stop after ${JSON.stringify(text)}, last ${last}` }
  }
  return { kind: 'invalid', reason: `the stream ended with neither message_stop nor an error event (${events.length} events, text ${JSON.stringify(text)})` }
}
