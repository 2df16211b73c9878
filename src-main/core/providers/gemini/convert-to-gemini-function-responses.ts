import type { CifToolResultContent, CifToolResultPart, WarningCollector } from '../../cif'
import type { GeminiBlob, GeminiPart } from './gemini-request-body'

export interface FunctionResponseOptions {
  /** Tool names by call id, from the conversation's earlier tool calls (CIF results may not repeat them). */
  toolNames: ReadonlyMap<string, string>
  /** Put images and PDFs inside the functionResponse (Gemini 3+), else as parts after it. */
  mediaInsideResponse: boolean
}

/**
 * A tool turn → one functionResponse part per result: `{output: text}` (or `{error: text}` when the call
 * failed), the call's id and its name. Images and PDFs travel in `functionResponse.parts` where the model
 * reads them there (Gemini 3+), else as inlineData parts right after the responses.
 */
export function convertToGeminiFunctionResponses(results: CifToolResultPart[], options: FunctionResponseOptions, warnings: WarningCollector): GeminiPart[] {
  const responses: GeminiPart[] = []
  const trailingMedia: GeminiPart[] = []
  for (const result of results) {
    const name = result.toolName ?? options.toolNames.get(result.toolCallId)
    if (!name) warnings.add({ type: 'other', message: `The tool result for call ${result.toolCallId} names no tool and no earlier call has that id; its id was sent as the function name.` })
    const text = result.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n')
    const media = result.content.flatMap((part) => toBlob(part, warnings))
    const inside = options.mediaInsideResponse && media.length > 0 ? { parts: media.map((inlineData) => ({ inlineData })) } : {}
    if (!options.mediaInsideResponse) trailingMedia.push(...media.map((inlineData) => ({ inlineData })))
    responses.push({ functionResponse: { id: result.toolCallId, name: name ?? result.toolCallId, response: result.isError ? { error: text } : { output: text }, ...inside } })
  }
  return [...responses, ...trailingMedia]
}

function toBlob(part: CifToolResultContent, warnings: WarningCollector): GeminiBlob[] {
  if (part.type === 'text') return []
  const source = part.source
  if (source.type === 'base64') return [{ mimeType: source.mediaType, data: source.data }]
  if (source.type === 'text') return [{ mimeType: 'text/plain', data: Buffer.from(source.text, 'utf8').toString('base64') }]
  warnings.once('tool-result-media', { type: 'unsupported', feature: `${part.type} by ${source.type} in a tool result`, details: 'Gemini takes only inline data inside function responses; the media was dropped.' })
  return []
}
