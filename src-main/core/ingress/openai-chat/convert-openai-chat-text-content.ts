import type { CifCacheControl, CifTextPart } from '../../cif'
import { cacheControlFromHints } from './cache-control-from-hints'
import type { OpenAiChatTextPart } from './openai-chat-content-part-schema'

/**
 * `content` as a string or as text parts → CIF text parts (system, developer and tool messages).
 * A message-level breakpoint lands on the last part, where Anthropic-style caching expects it.
 */
export function convertOpenAiChatTextContent(content: string | OpenAiChatTextPart[], messageCacheControl?: CifCacheControl): CifTextPart[] {
  const parts: CifTextPart[] =
    typeof content === 'string'
      ? [{ type: 'text', text: content }]
      : content.map((part) => cifTextPart(part.text, cacheControlFromHints(part)))
  return withMessageCacheControl(parts, messageCacheControl)
}

export function cifTextPart(text: string, cacheControl: CifCacheControl | undefined): CifTextPart {
  return cacheControl ? { type: 'text', text, cacheControl } : { type: 'text', text }
}

export function withCacheControl<Part extends { cacheControl?: CifCacheControl }>(part: Part, cacheControl: CifCacheControl | undefined): Part {
  return cacheControl ? { ...part, cacheControl } : part
}

export function withMessageCacheControl<Part extends { cacheControl?: CifCacheControl }>(parts: Part[], cacheControl: CifCacheControl | undefined): Part[] {
  const last = parts.at(-1)
  if (!cacheControl || !last || last.cacheControl) return parts
  return [...parts.slice(0, -1), { ...last, cacheControl }]
}
