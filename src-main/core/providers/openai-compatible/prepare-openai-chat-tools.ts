import type { CifCustomTool, CifTool, CifToolChoice, WarningCollector } from '../../cif'
import type { OpenAiCacheMarkers } from './openai-cache-markers'
import type { OpenAiChatQuirks } from './openai-chat-quirks'
import type { OpenAiChatTool, OpenAiChatToolChoice } from './openai-chat-request'

export interface PreparedOpenAiChatTools {
  /** Undefined when no tool survived (then tool_choice and parallel_tool_calls must not be sent either). */
  tools?: OpenAiChatTool[]
  toolChoice?: OpenAiChatToolChoice
  /** Custom tools sent as function tools: their calls come back as `{"input": …}` and are unwrapped. */
  customToolsAsFunctions: Set<string>
}

/**
 * CIF tools → chat tools. Function tools map one to one. Custom (freeform) tools are native where the
 * upstream has them, else a function taking `{input: string}` (warned: a grammar cannot be enforced).
 * Provider-hosted builtins run only on their own dialect: an `openai-chat` builtin is forwarded
 * verbatim, any other is dropped with a warning.
 */
export function prepareOpenAiChatTools(
  tools: CifTool[] | undefined,
  toolChoice: CifToolChoice | undefined,
  context: { quirks: OpenAiChatQuirks; markers: OpenAiCacheMarkers; warnings: WarningCollector },
): PreparedOpenAiChatTools {
  const prepared: OpenAiChatTool[] = []
  const customToolsAsFunctions = new Set<string>()
  const nativeCustom = new Set<string>()
  for (const tool of tools ?? []) {
    if (tool.type === 'builtin') {
      if (tool.dialect === 'openai-chat') prepared.push(tool.raw)
      else context.warnings.once(`builtin:${tool.name}`, { type: 'unsupported', feature: `builtin tool ${tool.name}`, details: `a ${tool.dialect} builtin cannot run on openai-compatible; dropped` })
    } else if (tool.type === 'custom') {
      if (context.quirks.customTools === 'native') {
        nativeCustom.add(tool.name)
        prepared.push({ type: 'custom', custom: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), ...nativeFormat(tool.format) } })
      } else {
        customToolsAsFunctions.add(tool.name)
        prepared.push(customAsFunction(tool))
        context.warnings.once(`custom:${tool.name}`, { type: 'other', message: `custom tool ${tool.name} sent as a function tool taking {input: string}${tool.format ? ' (its format is not enforced)' : ''}` })
      }
    } else {
      context.markers.unplaceable(tool.cacheControl, 'tool definitions')
      if (tool.dialectOptions && Object.keys(tool.dialectOptions).length > 0) {
        context.warnings.once(`tool-options:${Object.keys(tool.dialectOptions).join(',')}`, { type: 'unsupported', feature: `tool options ${Object.keys(tool.dialectOptions).join(', ')}` })
      }
      const definition = { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.inputSchema, ...(tool.strict !== undefined ? { strict: tool.strict } : {}) }
      prepared.push({ type: 'function', function: definition })
    }
  }
  if (prepared.length === 0) {
    if (toolChoice?.type === 'required' || toolChoice?.type === 'tool') context.warnings.add({ type: 'unsupported', feature: `tool_choice ${toolChoice.type}`, details: 'no tool the upstream can call is left' })
    return { customToolsAsFunctions }
  }
  return { tools: prepared, toolChoice: convertToolChoice(toolChoice, nativeCustom, prepared, context.warnings), customToolsAsFunctions }
}

function nativeFormat(format: unknown): { format?: unknown } {
  if (!format) return {}
  const value = format as { type?: string; grammar?: unknown; syntax?: string; definition?: string }
  // The Responses API spells a grammar flat; chat nests it under `grammar`.
  if (value.type === 'grammar' && value.grammar === undefined) return { format: { type: 'grammar', grammar: { syntax: value.syntax, definition: value.definition } } }
  return { format }
}

function customAsFunction(tool: CifCustomTool): OpenAiChatTool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      parameters: { type: 'object', properties: { input: { type: 'string', description: 'The raw input of the tool.' } }, required: ['input'], additionalProperties: false },
    },
  }
}

function convertToolChoice(choice: CifToolChoice | undefined, nativeCustom: Set<string>, prepared: OpenAiChatTool[], warnings: WarningCollector): OpenAiChatToolChoice | undefined {
  if (!choice) return undefined
  if (choice.type !== 'tool') return choice.type
  if (nativeCustom.has(choice.toolName)) return { type: 'custom', custom: { name: choice.toolName } }
  const known = prepared.some((tool) => tool.type === 'function' && (tool.function as { name: string }).name === choice.toolName)
  if (known) return { type: 'function', function: { name: choice.toolName } }
  warnings.add({ type: 'unsupported', feature: 'tool_choice', details: `tool ${choice.toolName} is not among the tools sent upstream; the upstream chooses` })
  return undefined
}
