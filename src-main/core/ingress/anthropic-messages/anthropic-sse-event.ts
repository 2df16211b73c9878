import { encodeSseEvent } from '../../sse/encode-sse'

export type AnthropicStreamEvent = { type: string } & Record<string, unknown>

/** One named event, as every Anthropic client needs it: `event: <type>` + `data: {"type":"<type>",…}`. */
export function anthropicSseEvent(data: AnthropicStreamEvent): string {
  return encodeSseEvent(JSON.stringify(data), data.type)
}
