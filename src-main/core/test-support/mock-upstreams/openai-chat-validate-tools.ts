import { isRecord } from './openai-chat-is-record'
import { invalidType, invalidValue, missingParameter, openAiMockError, type OpenAiMockError } from './openai-chat-mock-error'

const toolNamePattern = /^[a-zA-Z0-9_-]{1,64}$/

/** `tools`, `tool_choice` and `parallel_tool_calls`, as the real API checks them. */
export function validateOpenAiChatTools(body: Record<string, unknown>): OpenAiMockError | undefined {
  const names = new Set<string>()
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools)) return invalidType('tools', 'an array', body.tools)
    for (const [index, tool] of body.tools.entries()) {
      const problem = validateTool(tool, `tools[${index}]`, names)
      if (problem) return problem
    }
  }
  const hasTools = Array.isArray(body.tools) && body.tools.length > 0
  if (body.parallel_tool_calls !== undefined && !hasTools) {
    return openAiMockError(400, "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified.", { param: 'parallel_tool_calls' })
  }
  if (body.tool_choice === undefined) return undefined
  if (!hasTools) return openAiMockError(400, "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", { param: 'tool_choice' })
  return validateToolChoice(body.tool_choice, names)
}

function validateTool(tool: unknown, where: string, names: Set<string>): OpenAiMockError | undefined {
  if (!isRecord(tool)) return invalidType(where, 'an object', tool)
  if (tool.type !== 'function' && tool.type !== 'custom') return invalidValue(`${where}.type`, tool.type, ['function', 'custom'])
  const definition = tool.type === 'function' ? tool.function : tool.custom
  const at = `${where}.${tool.type}`
  if (!isRecord(definition)) return missingParameter(at)
  if (definition.name === undefined) return missingParameter(`${at}.name`)
  if (typeof definition.name !== 'string' || !toolNamePattern.test(definition.name)) {
    return openAiMockError(400, `Invalid '${at}.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, { param: `${at}.name`, code: 'invalid_value' })
  }
  if (tool.type === 'function' && definition.parameters !== undefined && !isRecord(definition.parameters)) {
    return invalidType(`${at}.parameters`, 'an object', definition.parameters)
  }
  names.add(definition.name)
  return undefined
}

function validateToolChoice(choice: unknown, names: Set<string>): OpenAiMockError | undefined {
  if (typeof choice === 'string') return ['none', 'auto', 'required'].includes(choice) ? undefined : invalidValue('tool_choice', choice, ['none', 'auto', 'required'])
  if (!isRecord(choice)) return invalidType('tool_choice', 'one of a string or object', choice)
  if (choice.type === 'allowed_tools') return isRecord(choice.allowed_tools) ? undefined : missingParameter('tool_choice.allowed_tools')
  if (choice.type !== 'function' && choice.type !== 'custom') return invalidValue('tool_choice.type', choice.type, ['function', 'custom', 'allowed_tools'])
  const named = choice.type === 'function' ? choice.function : choice.custom
  if (!isRecord(named) || typeof named.name !== 'string') return missingParameter(`tool_choice.${choice.type}.name`)
  if (!names.has(named.name)) {
    return openAiMockError(400, `Invalid value for 'tool_choice': tool '${named.name}' is not in 'tools'.`, { param: 'tool_choice', code: 'invalid_value' })
  }
  return undefined
}
