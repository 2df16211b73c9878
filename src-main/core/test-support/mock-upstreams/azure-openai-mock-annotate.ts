import { filteredOutputResults, promptFilterResults, safeFilterResults } from './azure-openai-mock-errors'
import { isRecord } from './openai-chat-is-record'

/** How the answer ends: normally, or stopped by the output filter (marker `FILTERED`). */
export interface AzureAnnotation {
  filtered: boolean
}

/** The words a `FILTERED` answer gets out before the output filter stops it. */
export const filteredReplyText = 'Hello from the'

/**
 * OpenAI's chunks as Azure streams them: first a chunk with `choices: []` and `prompt_filter_results`
 * (empty id, model and object), then `content_filter_results` on every choice (the four categories on
 * chunks that carry text, `{}` on the others), no `service_tier`. A filtered answer ends with
 * `finish_reason: "content_filter"` and the category that tripped.
 */
export function annotateAzureChunks(chunks: unknown[], annotation: AzureAnnotation): unknown[] {
  const body = chunks.filter((chunk) => !(isRecord(chunk) && 'prompt_filter_results' in chunk))
  const first = { choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: promptFilterResults() }
  return [first, ...body.map((chunk) => annotateChunk(chunk, annotation))]
}

function annotateChunk(chunk: unknown, annotation: AzureAnnotation): unknown {
  if (!isRecord(chunk) || !Array.isArray(chunk.choices)) return chunk
  const { service_tier: _serviceTier, ...rest } = chunk
  const choices = chunk.choices.map((choice: Record<string, unknown>) => {
    const delta = isRecord(choice.delta) ? choice.delta : {}
    const hasText = typeof delta.content === 'string' && delta.content !== ''
    if (annotation.filtered && choice.finish_reason) return { ...choice, finish_reason: 'content_filter', content_filter_results: filteredOutputResults() }
    return { ...choice, content_filter_results: hasText ? safeFilterResults() : {} }
  })
  return { ...rest, choices }
}

/** A `chat.completion` as Azure returns it: `prompt_filter_results` at the top, `content_filter_results` on the choice. */
export function annotateAzureCompletion(completion: Record<string, unknown>, annotation: AzureAnnotation): Record<string, unknown> {
  const { service_tier: _serviceTier, ...rest } = completion
  const choices = (completion.choices as Array<Record<string, unknown>>).map((choice) =>
    annotation.filtered
      ? { ...choice, finish_reason: 'content_filter', content_filter_results: filteredOutputResults() }
      : { ...choice, content_filter_results: safeFilterResults() },
  )
  return { ...rest, prompt_filter_results: promptFilterResults(), choices }
}
