import type { WarningCollector } from '../../cif'
import type { GeminiContent } from './gemini-request-body'

/** The value Google documents for replaying a functionCall whose real signature is not available. */
export const skipThoughtSignatureValidator = 'skip_thought_signature_validator'

/**
 * Gemini 3 rejects the request when the first functionCall of a model step in the current turn (every
 * model content after the last user content with more than function responses) comes back without its
 * thought signature, which happens when the history passed through a client that cannot carry it
 * (Chat Completions) or came from another upstream. Only there, and only where no real signature was
 * replayed, the documented sentinel is set, with a warning; earlier turns are not validated.
 */
export function applyThoughtSignatureFallback(contents: GeminiContent[], warnings: WarningCollector): void {
  const turnStart = contents.findLastIndex((content) => content.role === 'user' && content.parts.some((part) => !('functionResponse' in part)))
  const unsigned: string[] = []
  for (const content of contents.slice(turnStart + 1)) {
    if (content.role !== 'model') continue
    const firstCall = content.parts.find((part) => 'functionCall' in part)
    if (!firstCall || firstCall.thoughtSignature) continue
    firstCall.thoughtSignature = skipThoughtSignatureValidator
    if ('functionCall' in firstCall) unsigned.push(firstCall.functionCall.name)
  }
  if (unsigned.length === 0) return
  warnings.add({
    type: 'other',
    message: `The function call${unsigned.length > 1 ? 's' : ''} ${unsigned.join(', ')} of the current turn came back without a Gemini thought signature (the client or an earlier upstream could not carry it); "${skipThoughtSignatureValidator}" was sent instead, as Gemini 3 requires one.`,
  })
}
