import type { CifAssistantPart, CifFinishReason, CifReasoningPart, CifResult, CifStreamPart, CifUsage, CifWarning } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'

/**
 * A canonical stream read to its end and folded into one result (blocks in the order they opened), for
 * a non-streaming call the upstream only serves as a stream. An `error` part rejects with its error; a
 * stream without `finish` rejects as incomplete.
 */
export async function collectStreamResult(instanceId: string, parts: ReadableStream<CifStreamPart>): Promise<CifResult> {
  const blocks = new Map<string, CifAssistantPart>()
  let warnings: CifWarning[] = []
  let metadata: { id?: string; model?: string } = {}
  let finish: { finishReason: CifFinishReason; usage: CifUsage } | undefined
  for await (const part of parts as unknown as AsyncIterable<CifStreamPart>) {
    if (part.type === 'stream-start') warnings = part.warnings
    else if (part.type === 'response-metadata') metadata = { ...(part.id ? { id: part.id } : {}), ...(part.model ? { model: part.model } : {}) }
    else if (part.type === 'text-start') blocks.set(part.id, { type: 'text', text: '' })
    else if (part.type === 'reasoning-start') blocks.set(part.id, { type: 'reasoning', text: '', ...(part.origin ? { origin: part.origin } : {}) })
    else if (part.type === 'tool-input-start') blocks.set(part.id, { type: 'tool-call', toolCallId: part.id, toolName: part.toolName, kind: part.kind, input: '' })
    else if (part.type === 'text-delta' || part.type === 'reasoning-delta') (blocks.get(part.id) as { text: string }).text += part.delta
    else if (part.type === 'tool-input-delta') (blocks.get(part.id) as { input: string }).input += part.delta
    else if (part.type === 'reasoning-signature') (blocks.get(part.id) as CifReasoningPart).signature = part.signature
    else if (part.type === 'finish') finish = { finishReason: part.finishReason, usage: part.usage }
    else if (part.type === 'error') throw part.error
  }
  if (!finish) throw new UpstreamError({ instanceId, status: 502, message: 'The upstream stream ended without a finish reason (the answer is incomplete).' })
  return { ...metadata, content: [...blocks.values()], finishReason: finish.finishReason, usage: finish.usage, warnings }
}
