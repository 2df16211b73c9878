import type { CifRequest, WarningCollector } from '../../cif'
import { applyThoughtSignatureFallback } from './apply-thought-signature-fallback'
import { convertToGeminiFunctionResponses } from './convert-to-gemini-function-responses'
import { convertToGeminiModelParts } from './convert-to-gemini-model-parts'
import { convertToGeminiUserParts } from './convert-to-gemini-user-parts'
import { geminiModelTraits } from './gemini-model-traits'
import type { GeminiContent, GeminiPart, GeminiRequestBody } from './gemini-request-body'

export type GeminiContentsConversion = Pick<GeminiRequestBody, 'systemInstruction' | 'contents'>

/**
 * CIF system + messages → `systemInstruction` + `contents` (roles user / model).
 *
 * A CIF system turn before the first user turn joins `systemInstruction`; Gemini has no later system
 * prompt, so a mid-conversation one becomes user text in `<system-reminder>` tags, with a warning. A
 * tool turn becomes a user content of functionResponse parts. Adjacent contents of one role are merged:
 * Gemini wants the function responses right after the model content that called them, and one model
 * content per step.
 */
export function convertToGeminiContents(request: Pick<CifRequest, 'model' | 'system' | 'messages'>, warnings: WarningCollector): GeminiContentsConversion {
  const traits = geminiModelTraits(request.model)
  const system = request.system.map((part) => part.text).filter((text) => text !== '')
  const toolNames = new Map(request.messages.flatMap((message) => (message.role === 'assistant' ? message.content : [])).flatMap((part) => (part.type === 'tool-call' ? [[part.toolCallId, part.toolName] as const] : [])))
  const contents: GeminiContent[] = []
  let conversationStarted = false

  for (const message of request.messages) {
    if (message.role === 'system') {
      const texts = message.content.map((part) => part.text).filter((text) => text !== '')
      if (!conversationStarted) system.push(...texts)
      else if (texts.length > 0) {
        warnings.once('mid-conversation-system', { type: 'other', message: 'Gemini has no mid-conversation system prompt; a later system message was sent as user text in <system-reminder> tags.' })
        push(contents, 'user', [{ text: `<system-reminder>\n${texts.join('\n\n')}\n</system-reminder>` }])
      }
    } else if (message.role === 'user') {
      conversationStarted = true
      push(contents, 'user', convertToGeminiUserParts(message.content, warnings))
    } else if (message.role === 'tool') {
      conversationStarted = true
      push(contents, 'user', convertToGeminiFunctionResponses(message.content, { toolNames, mediaInsideResponse: traits.generation3OrLater }, warnings))
    } else push(contents, 'model', convertToGeminiModelParts(message.content, warnings))
  }

  if (traits.generation3OrLater) applyThoughtSignatureFallback(contents, warnings)
  return { ...(system.length > 0 ? { systemInstruction: { parts: system.map((text) => ({ text })) } } : {}), contents }
}

/** Appends parts as a content of `role`, merged into the last content when it has the same role. */
function push(contents: GeminiContent[], role: GeminiContent['role'], parts: GeminiPart[]): void {
  if (parts.length === 0) return
  const last = contents.at(-1)
  if (last?.role === role) last.parts.push(...parts)
  else contents.push({ role, parts })
}
