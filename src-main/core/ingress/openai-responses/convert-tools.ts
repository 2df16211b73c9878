import type { CifTool, CifWarning } from '../../cif'
import { parseField, type FieldPath } from './parse-field'
import { customToolSchema, functionToolSchema, namespaceToolSchema, type CustomTool, type FunctionTool } from './openai-responses-tool-schema'
import type { ToolNameMap } from './tool-name-map'

/** A function tool with no `parameters` still takes an (empty) object. */
const emptyObjectSchema = { type: 'object', properties: {} }

/**
 * Responses tools → CIF tools. `function` and `custom` map one to one, `namespace` groups are flattened
 * (see tool-name-map.ts), everything else (web_search, file_search, tool_search, mcp, local_shell …) is a
 * built-in only an OpenAI Responses upstream can run. A name declared twice keeps its first declaration.
 */
export function convertTools(tools: ReadonlyArray<Record<string, unknown>>, path: FieldPath, context: { names: ToolNameMap; warnings: CifWarning[]; seen: Set<string> }): CifTool[] {
  const converted: CifTool[] = []
  const add = (tool: CifTool) => {
    if (context.seen.has(tool.name)) {
      context.warnings.push({ type: 'other', message: `the tool "${tool.name}" is declared more than once; the first declaration is used` })
      return
    }
    context.seen.add(tool.name)
    converted.push(tool)
  }

  tools.forEach((tool, index) => {
    const toolPath = [...path, index]
    if (tool.type === 'function') add(fromFunctionTool(parseField(functionToolSchema, tool, toolPath), context.names))
    else if (tool.type === 'custom') {
      const custom = parseField(customToolSchema, tool, toolPath)
      const extra = Object.keys(custom).filter((key) => !customToolKeys.has(key))
      if (extra.length > 0) context.warnings.push({ type: 'unsupported', feature: 'custom tool fields', details: `${extra.join(', ')} of ${toolPath.join('.')} have no place in the CIF and are not passed on` })
      add(fromCustomTool(custom, context.names))
    }
    else if (tool.type === 'namespace') {
      const group = parseField(namespaceToolSchema, tool, toolPath)
      for (const member of group.tools) {
        const description = [group.description, member.description].filter(Boolean).join('\n\n') || undefined
        add(member.type === 'function' ? fromFunctionTool({ ...member, description }, context.names, group.name) : fromCustomTool({ ...member, description }, context.names, group.name))
      }
    } else add({ type: 'builtin', dialect: 'openai-responses', name: builtinToolName(tool), raw: tool })
  })
  return converted
}

/** Function tool fields beyond the CIF's (`defer_loading` …) travel as dialect options. */
const functionToolKeys = new Set(['type', 'name', 'description', 'parameters', 'strict'])
const customToolKeys = new Set(['type', 'name', 'description', 'format'])

function fromFunctionTool(tool: FunctionTool, names: ToolNameMap, namespace?: string): CifTool {
  const options = Object.fromEntries(Object.entries(tool).filter(([key]) => !functionToolKeys.has(key)))
  return {
    type: 'function',
    name: names.register(tool.name, namespace),
    ...(tool.description ? { description: tool.description } : {}),
    inputSchema: tool.parameters ?? emptyObjectSchema,
    ...(tool.strict != null ? { strict: tool.strict } : {}),
    ...(Object.keys(options).length > 0 ? { dialectOptions: options } : {}),
  }
}

function fromCustomTool(tool: CustomTool, names: ToolNameMap, namespace?: string): CifTool {
  return {
    type: 'custom',
    name: names.register(tool.name, namespace),
    ...(tool.description ? { description: tool.description } : {}),
    ...(tool.format !== undefined ? { format: tool.format } : {}),
  }
}

/** Built-ins are named by their type; an MCP server by its label, since a request may name several. */
export function builtinToolName(tool: Record<string, unknown>): string {
  const type = String(tool.type)
  return type === 'mcp' && typeof tool.server_label === 'string' ? `mcp:${tool.server_label}` : type
}
