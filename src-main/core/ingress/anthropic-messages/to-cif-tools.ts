import type { CifFunctionTool, CifTool, CifWarning } from '../../cif'
import type { AnthropicCustomTool, AnthropicTool } from './anthropic-tool-schema'
import { toCifCacheControl } from './to-cif-cache-control'

const mappedCustomToolFields = ['type', 'name', 'description', 'input_schema', 'strict', 'cache_control']

function isCustomTool(tool: AnthropicTool): tool is AnthropicCustomTool {
  return tool.type === undefined || tool.type === null || tool.type === 'custom'
}

/**
 * `tools` → CIF tools. A custom tool becomes a function tool; its Anthropic-only hints
 * (`eager_input_streaming`, `defer_loading`, `input_examples`, …) ride along as `dialectOptions`. A server
 * tool (`web_search_20250305`, `bash_20250124`, …) becomes a builtin tool of dialect `anthropic`, verbatim.
 */
export function toCifTools(tools: AnthropicTool[], warnings: CifWarning[]): CifTool[] {
  return tools.map((tool, index): CifTool => {
    if (!isCustomTool(tool)) return { type: 'builtin', dialect: 'anthropic', name: tool.name ?? tool.mcp_server_name ?? tool.type, raw: tool }
    const cifTool: CifFunctionTool = { type: 'function', name: tool.name, inputSchema: tool.input_schema }
    if (tool.description !== undefined) cifTool.description = tool.description
    if (tool.strict !== undefined) cifTool.strict = tool.strict
    const cacheControl = toCifCacheControl(tool.cache_control, `tools.${index}`, warnings)
    if (cacheControl) cifTool.cacheControl = cacheControl
    const dialectOptions = Object.fromEntries(Object.entries(tool).filter(([field, value]) => !mappedCustomToolFields.includes(field) && value != null))
    if (Object.keys(dialectOptions).length > 0) cifTool.dialectOptions = dialectOptions
    return cifTool
  })
}
