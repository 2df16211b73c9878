import type { CifToolResultContent, CifToolResultPart, CifWarning } from '../../cif'
import type { AnthropicToolResultBlock } from './anthropic-content-block-schema'
import { dropServerOnlyBlock } from './drop-server-only-block'
import { reportUnmappedFields } from './report-unmapped-fields'
import { toCifCacheControl } from './to-cif-cache-control'
import { toCifDocumentParts, toCifImagePart, toCifSearchResultPart } from './to-cif-media-parts'
import { toCifTextPart } from './to-cif-text-part'

/** A `tool_result` block. `toolNames` (tool_use id → name, from earlier turns) fills in the tool's name. */
export function toCifToolResultPart(block: AnthropicToolResultBlock, path: string, warnings: CifWarning[], toolNames: ReadonlyMap<string, string>): CifToolResultPart {
  reportUnmappedFields(block, ['type', 'tool_use_id', 'content', 'is_error', 'cache_control'], path, warnings)
  const part: CifToolResultPart = { type: 'tool-result', toolCallId: block.tool_use_id, kind: 'function', content: toCifToolResultContent(block.content, `${path}.content`, warnings) }
  const toolName = toolNames.get(block.tool_use_id)
  if (toolName !== undefined) part.toolName = toolName
  if (block.is_error !== undefined) part.isError = block.is_error
  const cacheControl = toCifCacheControl(block.cache_control, path, warnings)
  if (cacheControl) part.cacheControl = cacheControl
  return part
}

function toCifToolResultContent(content: AnthropicToolResultBlock['content'], path: string, warnings: CifWarning[]): CifToolResultContent[] {
  if (content === undefined) return []
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  return content.flatMap((inner, index): CifToolResultContent[] => {
    const innerPath = `${path}.${index}`
    switch (inner.type) {
      case 'text':
        return [toCifTextPart(inner, innerPath, warnings)]
      case 'image':
        return [toCifImagePart(inner, innerPath, warnings)]
      case 'document':
        return toCifDocumentParts(inner, innerPath, warnings)
      case 'search_result':
        return [toCifSearchResultPart(inner, innerPath, warnings)]
      default:
        return dropServerOnlyBlock(inner.type, innerPath, warnings)
    }
  })
}
