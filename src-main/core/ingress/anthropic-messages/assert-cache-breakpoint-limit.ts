import { invalidRequest } from '../../errors/gateway-error'
import type { AnthropicContentBlock } from './anthropic-content-block-schema'
import type { AnthropicRequestFields } from './anthropic-messages-request-schema'

/** The real API accepts at most this many `cache_control` breakpoints per request. */
export const maxCacheBreakpoints = 4

/** Any object that may carry `cache_control`. */
type MaybeCached = Record<string, unknown>

function isSet(value: MaybeCached): boolean {
  return value.cache_control !== undefined && value.cache_control !== null
}

/** Blocks nested in a block that can carry their own breakpoints, and the field that holds them. */
function nestedBlocks(block: AnthropicContentBlock): { field: string; blocks: MaybeCached[] } {
  if (block.type === 'tool_result' && Array.isArray(block.content)) return { field: 'content', blocks: block.content }
  if (block.type === 'search_result') return { field: 'content', blocks: block.content }
  if (block.type === 'document' && block.source.type === 'content' && Array.isArray(block.source.content)) return { field: 'source.content', blocks: block.source.content }
  return { field: '', blocks: [] }
}

function collect(paths: string[], items: MaybeCached[], prefix: string): void {
  items.forEach((item, index) => {
    if (isSet(item)) paths.push(`${prefix}.${index}`)
  })
}

/**
 * Rejects a request with more breakpoints than the real API allows (400 naming the first one too many).
 * They are counted in prompt order: tools, system, messages; a top-level `cache_control` (automatic
 * caching) takes one slot too.
 */
export function assertCacheBreakpointLimit(body: AnthropicRequestFields): void {
  const paths: string[] = []
  collect(paths, body.tools ?? [], 'tools')
  if (Array.isArray(body.system)) collect(paths, body.system, 'system')
  for (const [messageIndex, message] of body.messages.entries()) {
    if (typeof message.content === 'string') continue
    const prefix = `messages.${messageIndex}.content`
    if (message.role === 'system') {
      collect(paths, message.content, prefix)
      continue
    }
    for (const [index, block] of message.content.entries()) {
      if (isSet(block)) paths.push(`${prefix}.${index}`)
      const nested = nestedBlocks(block)
      collect(paths, nested.blocks, `${prefix}.${index}.${nested.field}`)
    }
  }
  if (isSet(body)) paths.push('')
  if (paths.length <= maxCacheBreakpoints) return
  const offending = paths[maxCacheBreakpoints]!
  throw invalidRequest(`${offending ? `${offending}.` : ''}cache_control: a request may set at most ${maxCacheBreakpoints} cache_control breakpoints; found ${paths.length}.`)
}
