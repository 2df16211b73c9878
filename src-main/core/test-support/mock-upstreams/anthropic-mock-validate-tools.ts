import { isJsonObject, joinPath, optionalBoolean, optionalString, rejectExtraFields, requireObject, requireOneOf, requireString } from './anthropic-mock-checks'
import { rejectRequest } from './anthropic-mock-error'
import { validateMockCacheControl } from './anthropic-mock-validate-cache-control'
import type { AnthropicMockValidationContext } from './anthropic-mock-validation-context'

const clientToolFields = ['name', 'description', 'input_schema', 'cache_control', 'type', 'eager_input_streaming', 'strict', 'defer_loading', 'input_examples', 'allowed_callers']

/** `tools`: client tools checked field by field; server/versioned tools (`type: "web_search_20250305"` …) by name only. */
export function validateMockTools(value: unknown, context: AnthropicMockValidationContext): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) rejectRequest('tools: Input should be a valid list')
  const names = value.map((tool: unknown, index) => {
    const path = `tools.${index}`
    if (!isJsonObject(tool)) rejectRequest(`${path}: Input should be a valid dictionary`)
    if (tool.type !== undefined && tool.type !== null && tool.type !== 'custom') return requireString(tool, 'name', joinPath(path, String(tool.type)))
    const tagged = joinPath(path, 'custom')
    rejectExtraFields(tool, clientToolFields, tagged)
    const name = requireString(tool, 'name', tagged)
    if (!/^[a-zA-Z0-9_-]{1,128}$/.test(name)) rejectRequest(`${joinPath(tagged, 'name')}: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`)
    optionalString(tool, 'description', tagged)
    optionalBoolean(tool, 'strict', tagged)
    optionalBoolean(tool, 'eager_input_streaming', tagged)
    const schema = requireObject(tool.input_schema, joinPath(tagged, 'input_schema'))
    if (schema.type !== 'object') rejectRequest(`${joinPath(tagged, 'input_schema.type')}: Input should be 'object'`)
    validateMockCacheControl(tool.cache_control, joinPath(tagged, 'cache_control'), context)
    return name
  })
  if (new Set(names).size !== names.length) rejectRequest('tools: Tool names must be unique.')
  return names
}

/** `tool_choice`: auto | any | tool (with a name) | none; `none` takes no other field. */
export function validateMockToolChoice(value: unknown): string | undefined {
  if (value === undefined) return undefined
  const choice = requireObject(value, 'tool_choice')
  const type = requireOneOf(choice, 'type', 'tool_choice', ['auto', 'any', 'tool', 'none'])
  const tagged = `tool_choice.${type}`
  rejectExtraFields(choice, type === 'none' ? ['type'] : type === 'tool' ? ['type', 'name', 'disable_parallel_tool_use'] : ['type', 'disable_parallel_tool_use'], tagged)
  if (type === 'tool') requireString(choice, 'name', tagged)
  optionalBoolean(choice, 'disable_parallel_tool_use', tagged)
  return type
}
