import type { CifReasoningPart, CifWarning } from '../../cif'
import { invalidRequest } from '../../errors/gateway-error'
import type { AnthropicRedactedThinkingBlock, AnthropicThinkingBlock } from './anthropic-content-block-schema'
import { decodeForeignReasoningSignature, isForeignReasoningSignature } from './foreign-reasoning-signature'
import { reportUnmappedFields } from './report-unmapped-fields'
import { toCifCacheControl } from './to-cif-cache-control'

/**
 * A `thinking` block echoed back by the client. Three kinds of signature arrive:
 * - a real Anthropic signature → reasoning with `origin: anthropic`, replayable to Anthropic;
 * - `''`, which the gateway writes for reasoning that had no signature → plain reasoning text, no origin;
 * - a gateway envelope (foreign-reasoning-signature.ts) → reasoning with its real origin and opaque state.
 */
export function toCifThinkingPart(block: AnthropicThinkingBlock, path: string, warnings: CifWarning[]): CifReasoningPart {
  reportUnmappedFields(block, ['type', 'thinking', 'signature', 'cache_control'], path, warnings)
  const part: CifReasoningPart = { type: 'reasoning', text: block.thinking }
  if (isForeignReasoningSignature(block.signature)) {
    const state = decodeForeignReasoningSignature(block.signature)
    if (!state) throw invalidRequest(`${path}.signature: this gateway-issued signature is damaged; send the thinking block back exactly as it was received.`)
    part.origin = state.instanceId ? { dialect: state.dialect, instanceId: state.instanceId } : { dialect: state.dialect }
    if (state.signature) part.signature = state.signature
    if (state.encryptedContent) part.encryptedContent = state.encryptedContent
    if (state.itemId) part.itemId = state.itemId
  } else if (block.signature !== '') {
    part.signature = block.signature
    part.origin = { dialect: 'anthropic' }
  }
  const cacheControl = toCifCacheControl(block.cache_control, path, warnings)
  if (cacheControl) part.cacheControl = cacheControl
  return part
}

/** A `redacted_thinking` block: encrypted, no text; only Anthropic can read it. */
export function toCifRedactedThinkingPart(block: AnthropicRedactedThinkingBlock, path: string, warnings: CifWarning[]): CifReasoningPart {
  reportUnmappedFields(block, ['type', 'data', 'cache_control'], path, warnings)
  const part: CifReasoningPart = { type: 'reasoning', text: '', redactedData: block.data, origin: { dialect: 'anthropic' } }
  const cacheControl = toCifCacheControl(block.cache_control, path, warnings)
  if (cacheControl) part.cacheControl = cacheControl
  return part
}
