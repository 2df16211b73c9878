import type { CifFinishReason, CifStreamPart, CifUsage } from '../cif'
import type { GatewayError } from '../errors/gateway-error'

/** Reads a canonical stream to its end. */
export async function collectParts(stream: ReadableStream<CifStreamPart>): Promise<CifStreamPart[]> {
  const parts: CifStreamPart[] = []
  for await (const part of stream) parts.push(part)
  return parts
}

export interface StreamSummary {
  text: string
  reasoning: string
  toolCalls: Array<{ id: string; name: string; kind: string; input: string }>
  finishReason?: CifFinishReason
  usage?: CifUsage
  error?: GatewayError
  /** Part types in order, deltas collapsed (`text-delta×3`), for checking the block grammar. */
  sequence: string[]
}

/** Folds parts into what a client would assemble, and checks nothing arrives after finish/error. */
export function summariseParts(parts: CifStreamPart[]): StreamSummary {
  const summary: StreamSummary = { text: '', reasoning: '', toolCalls: [], sequence: [] }
  for (const [index, part] of parts.entries()) {
    const previous = summary.sequence.at(-1)
    const base = previous?.replace(/×\d+$/, '')
    if (base === part.type && part.type.endsWith('-delta')) summary.sequence[summary.sequence.length - 1] = `${part.type}×${Number(previous!.split('×')[1] ?? 1) + 1}`
    else summary.sequence.push(part.type)
    if ((part.type === 'finish' || part.type === 'error') && index !== parts.length - 1) throw new Error(`${part.type} is not the last part`)
    if (part.type === 'text-delta') summary.text += part.delta
    else if (part.type === 'reasoning-delta') summary.reasoning += part.delta
    else if (part.type === 'tool-input-start') summary.toolCalls.push({ id: part.id, name: part.toolName, kind: part.kind, input: '' })
    else if (part.type === 'tool-input-delta') summary.toolCalls.find((call) => call.id === part.id)!.input += part.delta
    else if (part.type === 'finish') {
      summary.finishReason = part.finishReason
      summary.usage = part.usage
    } else if (part.type === 'error') summary.error = part.error
  }
  return summary
}
