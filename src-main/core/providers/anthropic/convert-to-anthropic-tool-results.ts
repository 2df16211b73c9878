import type { CifToolResultPart, CifWarning } from '../../cif'
import type { AnthropicToolResultBlock, AnthropicToolResultContent } from './anthropic-request-body'
import { convertToAnthropicContentBlock } from './convert-to-anthropic-content-block'
import { toAnthropicCacheControl } from './to-anthropic-cache-control'

/** A CIF `tool` turn → `tool_result` blocks (they open the user turn that follows, see push-anthropic-turn). */
export function convertToAnthropicToolResults(parts: CifToolResultPart[], warnings: CifWarning[]): AnthropicToolResultBlock[] {
  return parts.map((part) => {
    const content = part.content.flatMap((item) => {
      const block = convertToAnthropicContentBlock(item, warnings)
      return block ? [block as AnthropicToolResultContent] : []
    })
    const block: AnthropicToolResultBlock = { type: 'tool_result', tool_use_id: part.toolCallId }
    if (content.length > 0) block.content = content
    if (part.isError) block.is_error = true
    return { ...block, ...toAnthropicCacheControl(part.cacheControl) }
  })
}
