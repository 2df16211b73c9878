import type { CifToolResultPart } from '../../cif'
import { convertToOpenAiChatUserPart, type UserPartContext } from './convert-to-openai-chat-user-part'
import type { OpenAiChatMessage, OpenAiChatUserPart } from './openai-chat-request'

/**
 * A CIF tool turn → one `tool` message per result. Chat tool messages carry text only, so images and
 * files in results travel in ONE user message after the last tool message (the API wants every tool
 * message right after the assistant's calls), each group introduced by the call id; the tool message
 * says that they follow. Warned, since the model sees them one turn later.
 */
export function convertToOpenAiChatToolMessages(results: CifToolResultPart[], context: UserPartContext): OpenAiChatMessage[] {
  const messages: OpenAiChatMessage[] = []
  const attachments: OpenAiChatUserPart[] = []
  for (const result of results) {
    if (result.isError) context.warnings.once('tool-error', { type: 'unsupported', feature: 'tool-result isError', details: 'chat tool messages have no error flag; the result text is sent as it is' })
    const texts: string[] = []
    const media: OpenAiChatUserPart[] = []
    for (const part of result.content) {
      const converted = convertToOpenAiChatUserPart({ ...part, cacheControl: undefined }, context)
      if (converted?.type === 'text') texts.push(converted.text)
      else if (converted) media.push(converted)
    }
    if (media.length > 0) {
      texts.push(`(${media.length} attachment(s) of this result follow in the next user message)`)
      attachments.push({ type: 'text', text: `Attachments of tool result ${result.toolCallId}:` }, ...media)
    }
    const text = texts.join('\n\n')
    const marker = context.markers.fieldsFor(result.cacheControl ?? result.content.findLast((part) => part.cacheControl)?.cacheControl)
    messages.push({ role: 'tool', tool_call_id: result.toolCallId, content: marker ? [{ type: 'text', text, ...marker }] : text })
  }
  if (attachments.length > 0) {
    context.warnings.once('tool-attachments', { type: 'other', message: 'images and files in tool results were sent in a user message after the tool messages (chat tool messages carry text only)' })
    messages.push({ role: 'user', content: attachments })
  }
  return messages
}
