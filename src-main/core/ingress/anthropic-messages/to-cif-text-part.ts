import type { CifTextPart, CifWarning } from '../../cif'
import type { AnthropicTextBlock } from './anthropic-content-block-schema'
import { reportUnmappedFields } from './report-unmapped-fields'
import { toCifCacheControl } from './to-cif-cache-control'

/** A `text` block. Citations echoed back from an earlier answer have no CIF slot: they are reported. */
export function toCifTextPart(block: AnthropicTextBlock, path: string, warnings: CifWarning[]): CifTextPart {
  reportUnmappedFields(block, ['type', 'text', 'cache_control'], path, warnings)
  const cacheControl = toCifCacheControl(block.cache_control, path, warnings)
  return cacheControl ? { type: 'text', text: block.text, cacheControl } : { type: 'text', text: block.text }
}
