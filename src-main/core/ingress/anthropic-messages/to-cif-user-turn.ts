import type { CifMessage, CifToolResultPart, CifUserPart, CifWarning } from '../../cif'
import { invalidRequest } from '../../errors/gateway-error'
import type { AnthropicContentBlock } from './anthropic-content-block-schema'
import { dropServerOnlyBlock } from './drop-server-only-block'
import { toCifDocumentParts, toCifImagePart, toCifSearchResultPart } from './to-cif-media-parts'
import { toCifTextPart } from './to-cif-text-part'
import { toCifToolResultPart } from './to-cif-tool-result-part'

/**
 * A user turn. Anthropic puts tool results in the user turn; the CIF gives them their own turn, so a user
 * turn with tool_result blocks becomes a `tool` turn (the results, in order) followed by a `user` turn (the
 * other blocks, in order), each only when it has content.
 */
export function toCifUserTurn(blocks: AnthropicContentBlock[], path: string, warnings: CifWarning[], toolNames: ReadonlyMap<string, string>): CifMessage[] {
  const toolResults: CifToolResultPart[] = []
  const userParts: CifUserPart[] = []
  for (const [index, block] of blocks.entries()) {
    const blockPath = `${path}.${index}`
    if (block.type === 'tool_result') toolResults.push(toCifToolResultPart(block, blockPath, warnings, toolNames))
    else userParts.push(...toCifUserParts(block, blockPath, warnings))
  }
  const turns: CifMessage[] = []
  if (toolResults.length > 0) turns.push({ role: 'tool', content: toolResults })
  if (userParts.length > 0 || blocks.length === 0) turns.push({ role: 'user', content: userParts })
  return turns
}

function toCifUserParts(block: Exclude<AnthropicContentBlock, { type: 'tool_result' }>, path: string, warnings: CifWarning[]): CifUserPart[] {
  switch (block.type) {
    case 'text':
      return [toCifTextPart(block, path, warnings)]
    case 'image':
      return [toCifImagePart(block, path, warnings)]
    case 'document':
      return toCifDocumentParts(block, path, warnings)
    case 'search_result':
      return [toCifSearchResultPart(block, path, warnings)]
    case 'thinking':
    case 'redacted_thinking':
    case 'tool_use':
    case 'compaction':
      throw invalidRequest(`${path}.type: "${block.type}" blocks may only appear in assistant turns.`)
    default:
      return dropServerOnlyBlock(block.type, path, warnings)
  }
}
