import { rejectGeminiRequest } from './gemini-mock-error'
import { verifyGeminiMockSignature } from './gemini-mock-signature'

type JsonObject = Record<string, unknown>

/**
 * Conversation rules the API enforces with plain messages: function call turns right after a user turn,
 * function response turns right after the call turn and answering every call of it, signatures that
 * verify, and (Gemini 3) the signature back on every call of the current turn that was issued with one.
 * `signedCallIds` are the calls this mock issued with a signature.
 */
export function validateGeminiMockTurns(contents: JsonObject[], signedCallIds: ReadonlySet<string>): void {
  contents.forEach((content, index) => {
    const parts = (content.parts ?? []) as JsonObject[]
    const previous = contents[index - 1]
    const calls = parts.flatMap((part) => (part.functionCall ? [part.functionCall as JsonObject] : []))
    const responses = parts.flatMap((part) => (part.functionResponse ? [part.functionResponse as JsonObject] : []))
    if (calls.length > 0 && (content.role ?? 'user') === 'model' && (!previous || previous.role === 'model')) {
      rejectGeminiRequest('Please ensure that function call turn comes immediately after a user turn or after a function response turn.')
    }
    if (responses.length > 0) checkResponses(responses, previous)
    for (const part of parts) checkSignature(part)
  })
  checkCurrentTurnSignatures(contents, signedCallIds)
}

function checkResponses(responses: JsonObject[], previous: JsonObject | undefined): void {
  const calls = ((previous?.role === 'model' ? previous.parts : []) as JsonObject[]).flatMap((part) => (part.functionCall ? [part.functionCall as JsonObject] : []))
  if (calls.length === 0) rejectGeminiRequest('Please ensure that function response turn comes immediately after a function call turn.')
  if (calls.length !== responses.length) rejectGeminiRequest('Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.')
  const open = [...calls]
  for (const response of responses) {
    const match = open.findIndex((call) => call.name === response.name && (call.id === undefined || response.id === undefined || call.id === response.id))
    if (match === -1) rejectGeminiRequest(`Please ensure that every function response answers a function call of the function call turn: no call matches ${String(response.name)} (id ${String(response.id ?? 'none')}).`)
    open.splice(match, 1)
  }
}

function checkSignature(part: JsonObject): void {
  const signature = part.thoughtSignature
  if (typeof signature !== 'string') return
  const subject = part.functionCall ? { call: part.functionCall as { name: string; args: unknown } } : { thought: String(part.text ?? '') }
  if (!verifyGeminiMockSignature(subject, signature)) rejectGeminiRequest('Corrupted thought signature.')
}

/** The current turn starts at the last user content with more than function responses (thought-signatures docs). */
function checkCurrentTurnSignatures(contents: JsonObject[], signedCallIds: ReadonlySet<string>): void {
  const start = contents.findLastIndex((content) => content.role !== 'model' && ((content.parts ?? []) as JsonObject[]).some((part) => !part.functionResponse))
  for (const content of contents.slice(start + 1)) {
    if (content.role !== 'model') continue
    ;((content.parts ?? []) as JsonObject[]).forEach((part, position) => {
      const call = part.functionCall as JsonObject | undefined
      if (!call || typeof call.id !== 'string' || !signedCallIds.has(call.id) || part.thoughtSignature) return
      rejectGeminiRequest(
        `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${String(call.name)}\`, position ${position + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`,
      )
    })
  }
}
