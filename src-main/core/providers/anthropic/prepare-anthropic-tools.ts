import type { CifCustomTool, CifFunctionTool, CifRequest, CifWarning } from '../../cif'
import type { AnthropicFunctionTool, AnthropicToolChoice } from './anthropic-request-body'
import { toAnthropicCacheControl } from './to-anthropic-cache-control'

export interface PreparedAnthropicTools {
  tools?: Array<AnthropicFunctionTool | Record<string, unknown>>
  toolChoice?: AnthropicToolChoice
  /** Names of CIF custom (freeform) tools: their tool_use blocks map back to `kind: 'custom'`. */
  customToolNames: Set<string>
  warnings: CifWarning[]
}

/** Tool options the Messages API defines for client tools; other `dialectOptions` are not Anthropic's. */
const anthropicToolOptions = new Set(['eager_input_streaming', 'strict', 'defer_loading', 'input_examples', 'allowed_callers'])

/**
 * CIF tools → Messages `tools` + `tool_choice`.
 * - function tools → `{name, description, input_schema, cache_control}` plus Anthropic tool options.
 * - builtin tools of dialect 'anthropic' (server tools, bash, text editor …) → the client's object verbatim.
 * - custom (freeform) tools → a client tool with one string property `input`; the call's text travels in it
 *   and comes back as a `custom` call. A grammar cannot be enforced: it is appended to the description.
 * - `parallelToolCalls: false` → `disable_parallel_tool_use` on the choice.
 */
export function prepareAnthropicTools(request: Pick<CifRequest, 'tools' | 'toolChoice' | 'parallelToolCalls'>): PreparedAnthropicTools {
  const warnings: CifWarning[] = []
  const customToolNames = new Set<string>()
  const tools: Array<AnthropicFunctionTool | Record<string, unknown>> = []
  for (const tool of request.tools ?? []) {
    if (tool.type === 'function') tools.push(toFunctionTool(tool, warnings))
    else if (tool.type === 'custom') {
      customToolNames.add(tool.name)
      tools.push(toCustomTool(tool, warnings))
    } else if (tool.dialect === 'anthropic') tools.push(tool.raw)
    else warnings.push({ type: 'unsupported', feature: `builtin tool ${tool.name}`, details: `A ${tool.dialect} built-in tool cannot run on Anthropic; it was dropped.` })
  }
  const toolChoice = toToolChoice(request, tools.length > 0, warnings)
  return { ...(tools.length > 0 ? { tools } : {}), ...(toolChoice ? { toolChoice } : {}), customToolNames, warnings }
}

function toFunctionTool(tool: CifFunctionTool, warnings: CifWarning[]): AnthropicFunctionTool {
  const wire: AnthropicFunctionTool = { name: tool.name, input_schema: tool.inputSchema }
  if (tool.description !== undefined) wire.description = tool.description
  if (tool.strict !== undefined) wire.strict = tool.strict
  for (const [option, value] of Object.entries(tool.dialectOptions ?? {})) {
    if (anthropicToolOptions.has(option)) wire[option] = value
    else warnings.push({ type: 'unsupported', feature: `tool option ${option}`, details: `Tool ${tool.name}: Anthropic has no "${option}" tool option; it was dropped.` })
  }
  return { ...wire, ...toAnthropicCacheControl(tool.cacheControl) }
}

function toCustomTool(tool: CifCustomTool, warnings: CifWarning[]): AnthropicFunctionTool {
  const format = tool.format as { type?: string; syntax?: string; definition?: string } | undefined
  let description = tool.description ?? ''
  if (format?.type === 'grammar' && format.definition) {
    description += `${description ? '\n\n' : ''}The input must follow this ${format.syntax ?? ''} grammar:\n${format.definition}`
    warnings.push({ type: 'unsupported', feature: 'custom tool grammar', details: `Tool ${tool.name}: Anthropic cannot constrain input to a grammar; the grammar was added to the description.` })
  }
  return {
    name: tool.name,
    ...(description ? { description } : {}),
    input_schema: {
      type: 'object',
      properties: { input: { type: 'string', description: 'The raw input for this freeform tool.' } },
      required: ['input'],
      additionalProperties: false,
    },
  }
}

function toToolChoice(request: Pick<CifRequest, 'toolChoice' | 'parallelToolCalls'>, hasTools: boolean, warnings: CifWarning[]): AnthropicToolChoice | undefined {
  const choice = request.toolChoice
  if (!hasTools) {
    if (choice && choice.type !== 'auto' && choice.type !== 'none') warnings.push({ type: 'other', message: `tool_choice "${choice.type}" was dropped: the request has no tool Anthropic can call.` })
    return undefined
  }
  const parallel = request.parallelToolCalls === false ? { disable_parallel_tool_use: true } : {}
  switch (choice?.type) {
    case undefined:
      return request.parallelToolCalls === false ? { type: 'auto', disable_parallel_tool_use: true } : undefined
    case 'none':
      return { type: 'none' }
    case 'auto':
      return { type: 'auto', ...parallel }
    case 'required':
      return { type: 'any', ...parallel }
    case 'tool':
      return { type: 'tool', name: choice.toolName, ...parallel }
  }
}
