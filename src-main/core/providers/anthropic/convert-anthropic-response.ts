import type { CifAssistantPart, CifResult, CifWarning } from '../../cif'
import type { AnthropicContentBlock, AnthropicMessageResponse } from './anthropic-messages-api'
import { customToolInput } from './custom-tool-input'
import { mapAnthropicStopReason } from './map-anthropic-stop-reason'
import { usageFromAnthropicWire } from './usage-from-anthropic-wire'

export interface ConvertAnthropicResponseOptions {
  instanceId: string
  customToolNames: ReadonlySet<string>
  /** The request conversion's warnings, carried into the result. */
  warnings: CifWarning[]
}

/** A non-streaming Messages answer → CifResult. */
export function convertAnthropicResponse(response: AnthropicMessageResponse, options: ConvertAnthropicResponseOptions): CifResult {
  const warnings = [...options.warnings]
  const content = response.content.flatMap((block) => convertBlock(block, options, warnings))
  return {
    ...(response.id ? { id: response.id } : {}),
    ...(response.model ? { model: response.model } : {}),
    content,
    finishReason: mapAnthropicStopReason(response.stop_reason, response.stop_sequence),
    usage: usageFromAnthropicWire(response.usage),
    warnings,
  }
}

function convertBlock(block: AnthropicContentBlock, options: ConvertAnthropicResponseOptions, warnings: CifWarning[]): CifAssistantPart[] {
  const origin = { dialect: 'anthropic' as const, instanceId: options.instanceId }
  switch (block.type) {
    case 'text':
      if (block.citations?.length) warnings.push({ type: 'unsupported', feature: 'citations', details: 'The canonical format has no citations; the answer text was kept without them.' })
      return [{ type: 'text', text: block.text ?? '' }]
    case 'thinking':
      return [{ type: 'reasoning', text: block.thinking ?? '', ...(block.signature ? { signature: block.signature } : {}), origin }]
    case 'redacted_thinking':
      return [{ type: 'reasoning', text: '', redactedData: block.data ?? '', origin }]
    case 'tool_use': {
      const custom = options.customToolNames.has(block.name ?? '')
      const input = custom ? customToolInput(block.input) : JSON.stringify(block.input ?? {})
      return [{ type: 'tool-call', toolCallId: block.id ?? '', toolName: block.name ?? '', kind: custom ? 'custom' : 'function', input }]
    }
    default:
      warnings.push({ type: 'unsupported', feature: `${block.type} block`, details: `The canonical format has no ${block.type} content; the block was left out of the answer.` })
      return []
  }
}
