import { z } from 'zod'
import type { CifTool, CifToolChoice } from '../../cif'
import { builtinToolName } from './convert-tools'
import { invalidField, parseField, type FieldPath } from './parse-field'

const namedChoiceSchema = z.looseObject({ type: z.enum(['function', 'custom']), name: z.string().min(1) })
const allowedToolsSchema = z.looseObject({
  type: z.literal('allowed_tools'),
  mode: z.enum(['auto', 'required']),
  tools: z.array(z.looseObject({ type: z.string(), name: z.string().nullish() })),
})

/**
 * `tool_choice` → CIF. A named function or custom tool must be one of the request's tools (a namespaced tool
 * may be named by its bare name). `allowed_tools` narrows the tools to the allowed ones, which is exactly
 * what it means for the model; a hosted tool type names that built-in.
 */
export function convertToolChoice(choice: string | Record<string, unknown>, tools: CifTool[], path: FieldPath): { toolChoice: CifToolChoice; tools: CifTool[] } {
  if (choice === 'auto' || choice === 'none' || choice === 'required') return { toolChoice: { type: choice }, tools }
  if (typeof choice === 'string') throw invalidField(path, `unknown tool_choice '${choice}'`)

  if (choice.type === 'function' || choice.type === 'custom') {
    const named = parseField(namedChoiceSchema, choice, path)
    const tool = findNamedTool(tools, named.type, named.name)
    if (!tool) throw invalidField([...path, 'name'], `no ${named.type} tool named '${named.name}' is in tools`)
    return { toolChoice: { type: 'tool', toolName: tool.name }, tools }
  }
  if (choice.type === 'allowed_tools') {
    const allowed = parseField(allowedToolsSchema, choice, path)
    const isAllowed = (tool: CifTool) =>
      allowed.tools.some((entry) => {
        if (tool.type === 'builtin') return entry.type !== 'function' && entry.type !== 'custom' && builtinToolName(entry) === tool.name
        return entry.type === tool.type && entry.name != null && findNamedTool([tool], tool.type, entry.name) !== undefined
      })
    return { toolChoice: { type: allowed.mode }, tools: tools.filter(isAllowed) }
  }
  return { toolChoice: { type: 'tool', toolName: builtinToolName(choice) }, tools }
}

/** By CIF name, else by the bare name of exactly one namespaced tool (`spawn_agent` for `multi_agent_v1__spawn_agent`). */
function findNamedTool(tools: CifTool[], type: 'function' | 'custom', name: string): CifTool | undefined {
  const ofType = tools.filter((tool) => tool.type === type)
  const exact = ofType.find((tool) => tool.name === name)
  if (exact) return exact
  const byBareName = ofType.filter((tool) => tool.name.endsWith(`__${name}`))
  return byBareName.length === 1 ? byBareName[0] : undefined
}
