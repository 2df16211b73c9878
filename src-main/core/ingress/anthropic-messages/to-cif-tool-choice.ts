import type { CifRequest } from '../../cif'
import type { AnthropicToolChoice } from './anthropic-tool-schema'

/** `tool_choice` → CIF toolChoice; `disable_parallel_tool_use: true` → `parallelToolCalls: false`. */
export function toCifToolChoice(choice: AnthropicToolChoice): Pick<CifRequest, 'toolChoice' | 'parallelToolCalls'> {
  const result: Pick<CifRequest, 'toolChoice' | 'parallelToolCalls'> = {}
  if (choice.type === 'auto') result.toolChoice = { type: 'auto' }
  else if (choice.type === 'any') result.toolChoice = { type: 'required' }
  else if (choice.type === 'tool') result.toolChoice = { type: 'tool', toolName: choice.name }
  else result.toolChoice = { type: 'none' }
  if (choice.type !== 'none' && choice.disable_parallel_tool_use !== undefined) result.parallelToolCalls = !choice.disable_parallel_tool_use
  return result
}
