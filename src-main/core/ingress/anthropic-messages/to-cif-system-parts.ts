import type { CifSystemPart, CifWarning } from '../../cif'
import type { AnthropicTextBlock } from './anthropic-content-block-schema'
import { toCifTextPart } from './to-cif-text-part'

/** A system prompt (top-level `system` or a mid-conversation system message): a string or text blocks. */
export function toCifSystemParts(content: string | AnthropicTextBlock[], path: string, warnings: CifWarning[]): CifSystemPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  return content.map((block, index) => toCifTextPart(block, `${path}.${index}`, warnings))
}
