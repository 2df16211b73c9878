import type { CifAssistantPart, CifToolCallPart, CifWarning } from '../../cif'
import { invalidRequest } from '../../errors/gateway-error'
import type { AnthropicContentBlock, AnthropicToolUseBlock } from './anthropic-content-block-schema'
import { dropServerOnlyBlock } from './drop-server-only-block'
import { reportUnmappedFields } from './report-unmapped-fields'
import { toCifCacheControl } from './to-cif-cache-control'
import { toCifRedactedThinkingPart, toCifThinkingPart } from './to-cif-reasoning-part'
import { toCifTextPart } from './to-cif-text-part'

/**
 * The blocks of an assistant turn. `path` names the content array (`messages.3.content`); every tool_use
 * is recorded in `toolNames` so later tool results can name their tool.
 */
export function toCifAssistantParts(blocks: AnthropicContentBlock[], path: string, warnings: CifWarning[], toolNames: Map<string, string>): CifAssistantPart[] {
  return blocks.flatMap((block, index): CifAssistantPart[] => {
    const blockPath = `${path}.${index}`
    switch (block.type) {
      case 'text':
        return [toCifTextPart(block, blockPath, warnings)]
      case 'thinking':
        return [toCifThinkingPart(block, blockPath, warnings)]
      case 'redacted_thinking':
        return [toCifRedactedThinkingPart(block, blockPath, warnings)]
      case 'tool_use':
        toolNames.set(block.id, block.name)
        return [toCifToolCallPart(block, blockPath, warnings)]
      case 'compaction':
        if (!block.content) return dropServerOnlyBlock(block.type, blockPath, warnings)
        warnings.push({ type: 'other', message: `${blockPath}: a compaction summary was kept as assistant text.` })
        return [{ type: 'text', text: block.content }]
      case 'image':
      case 'document':
      case 'search_result':
      case 'tool_result':
        throw invalidRequest(`${blockPath}.type: "${block.type}" blocks may only appear in user turns.`)
      default:
        return dropServerOnlyBlock(block.type, blockPath, warnings)
    }
  })
}

function toCifToolCallPart(block: AnthropicToolUseBlock, path: string, warnings: CifWarning[]): CifToolCallPart {
  reportUnmappedFields(block, ['type', 'id', 'name', 'input', 'cache_control'], path, warnings)
  const part: CifToolCallPart = { type: 'tool-call', toolCallId: block.id, toolName: block.name, kind: 'function', input: JSON.stringify(block.input ?? {}) }
  const cacheControl = toCifCacheControl(block.cache_control, path, warnings)
  if (cacheControl) part.cacheControl = cacheControl
  return part
}
