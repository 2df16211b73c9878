import type { CifTool, CifToolChoice, CifWarning } from '../../cif'
import { invalidRequest } from '../../errors/gateway-error'
import type { OpenAiChatRequest } from './openai-chat-request-schema'
import type { OpenAiChatTool, OpenAiChatToolChoice } from './openai-chat-tool-schema'

/**
 * `tools` and `tool_choice` → CIF. `allowed_tools` (a subset of `tools` the model may call) has no CIF
 * slot; the subset is applied by sending only those tools, which keeps the behaviour and loses only
 * OpenAI's prompt-cache benefit of an unchanged tool list.
 */
export function convertOpenAiChatTools(
  chat: Pick<OpenAiChatRequest, 'tools' | 'tool_choice' | 'stream'>,
  warnings: CifWarning[],
): { tools?: CifTool[]; toolChoice?: CifToolChoice } {
  let tools = chat.tools?.map(convertTool)
  if (chat.stream && tools?.some((tool) => tool.type === 'custom')) {
    warnings.push({
      type: 'unsupported',
      feature: 'custom tool call streaming',
      details: 'The chat stream grammar has no custom tool call delta; custom tool calls stream as function calls whose arguments are the raw input.',
    })
  }
  const choice = chat.tool_choice
  let toolChoice: CifToolChoice | undefined
  if (typeof choice === 'string') toolChoice = { type: choice }
  else if (choice?.type === 'allowed_tools') {
    const allowed = allowedToolNames(choice, tools ?? [])
    tools = tools?.filter((tool) => tool.type !== 'builtin' && allowed.has(tool.name))
    toolChoice = { type: choice.allowed_tools.mode }
  } else if (choice) toolChoice = { type: 'tool', toolName: choice.type === 'function' ? choice.function.name : choice.custom.name }

  const converted: { tools?: CifTool[]; toolChoice?: CifToolChoice } = {}
  if (tools) converted.tools = tools
  if (toolChoice) converted.toolChoice = toolChoice
  return converted
}

function convertTool(tool: OpenAiChatTool): CifTool {
  if (tool.type === 'custom') {
    const { name, description, format } = tool.custom
    const converted: CifTool = { type: 'custom', name }
    if (description !== undefined) converted.description = description
    // The CIF keeps the Responses form, `{type: 'grammar', syntax, definition}`; chat nests it under `grammar`.
    if (format) converted.format = format.type === 'grammar' ? { type: 'grammar', syntax: format.grammar.syntax, definition: format.grammar.definition } : { type: 'text' }
    return converted
  }
  const { name, description, parameters, strict } = tool.function
  const converted: CifTool = { type: 'function', name, inputSchema: parameters ?? { type: 'object', properties: {} } }
  if (description !== undefined) converted.description = description
  if (strict != null) converted.strict = strict
  return converted
}

function allowedToolNames(choice: Extract<OpenAiChatToolChoice, { type: 'allowed_tools' }>, tools: CifTool[]): Set<string> {
  const declared = new Set(tools.map((tool) => (tool.type === 'builtin' ? '' : tool.name)))
  return new Set(
    choice.allowed_tools.tools.map((entry, index) => {
      const name = nameOf(entry)
      if (!name || !declared.has(name)) {
        throw invalidRequest(`tool_choice.allowed_tools.tools.${index}: expected a tool from "tools" ({type: "function", function: {name}}).`)
      }
      return name
    }),
  )
}

function nameOf(entry: Record<string, unknown>): string | undefined {
  for (const key of ['function', 'custom']) {
    const inner = entry[key] as { name?: unknown } | undefined
    if (typeof inner?.name === 'string') return inner.name
  }
  return typeof entry.name === 'string' ? entry.name : undefined
}
