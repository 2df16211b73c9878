import { isRecord } from './openai-chat-is-record'
import { invalidType, invalidValue, missingParameter, openAiMockError, type OpenAiMockError } from './openai-chat-mock-error'
import { validateOpenAiChatContent } from './openai-chat-validate-content'

const roles = ['system', 'assistant', 'user', 'function', 'tool', 'developer']

const fieldsByRole: Record<string, string[]> = {
  system: ['role', 'content', 'name'],
  developer: ['role', 'content', 'name'],
  user: ['role', 'content', 'name'],
  assistant: ['role', 'content', 'name', 'tool_calls', 'refusal', 'audio', 'function_call'],
  tool: ['role', 'content', 'tool_call_id'],
  function: ['role', 'content', 'name'],
}

/** Roles, fields, content shapes and the tool-call ↔ tool-message pairing, in the real API's words. */
export function validateOpenAiChatMessages(messages: unknown[], acceptedExtensions: ReadonlySet<string>): OpenAiMockError | undefined {
  let pendingCalls: Set<string> | undefined
  let pendingIndex = 0
  for (const [index, message] of messages.entries()) {
    const where = `messages[${index}]`
    if (!isRecord(message)) return invalidType(where, 'an object', message)
    if (message.role === undefined) return missingParameter(`${where}.role`)
    if (!roles.includes(message.role as string)) return invalidValue(`${where}.role`, message.role, roles)
    const role = message.role as string
    for (const key of Object.keys(message)) {
      if (!fieldsByRole[role]!.includes(key) && !acceptedExtensions.has(key)) {
        return openAiMockError(400, `Unknown parameter: '${where}.${key}'.`, { param: `${where}.${key}`, code: 'unknown_parameter' })
      }
    }
    const problem = validateOpenAiChatContent(message, where, acceptedExtensions) ?? (role === 'assistant' ? validateToolCalls(message.tool_calls, where) : undefined)
    if (problem) return problem

    if (role === 'tool') {
      if (typeof message.tool_call_id !== 'string') return missingParameter(`${where}.tool_call_id`)
      if (!pendingCalls?.delete(message.tool_call_id)) {
        return openAiMockError(400, "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", { param: `messages.[${index}].role` })
      }
      continue
    }
    if (pendingCalls && pendingCalls.size > 0) return unansweredCalls(pendingCalls, pendingIndex)
    pendingCalls = undefined
    if (role === 'assistant' && Array.isArray(message.tool_calls) && message.tool_calls.length > 0) {
      pendingCalls = new Set((message.tool_calls as Array<{ id: string }>).map((call) => call.id))
      pendingIndex = index
    }
  }
  if (pendingCalls && pendingCalls.size > 0) return unansweredCalls(pendingCalls, pendingIndex)
  return undefined
}

function unansweredCalls(pending: Set<string>, index: number): OpenAiMockError {
  return openAiMockError(
    400,
    `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending].join(', ')}`,
    { param: `messages.[${index}].role` },
  )
}

function validateToolCalls(toolCalls: unknown, where: string): OpenAiMockError | undefined {
  if (toolCalls === undefined) return undefined
  if (!Array.isArray(toolCalls)) return invalidType(`${where}.tool_calls`, 'an array', toolCalls)
  for (const [index, call] of toolCalls.entries()) {
    const at = `${where}.tool_calls[${index}]`
    if (!isRecord(call)) return invalidType(at, 'an object', call)
    if (typeof call.id !== 'string') return missingParameter(`${at}.id`)
    if (call.type !== 'function' && call.type !== 'custom') return invalidValue(`${at}.type`, call.type, ['function', 'custom'])
    if (call.type === 'function') {
      if (!isRecord(call.function)) return missingParameter(`${at}.function`)
      if (typeof call.function.name !== 'string') return missingParameter(`${at}.function.name`)
      if (typeof call.function.arguments !== 'string') return invalidType(`${at}.function.arguments`, 'a string', call.function.arguments)
    } else {
      if (!isRecord(call.custom) || typeof call.custom.name !== 'string') return missingParameter(`${at}.custom.name`)
      if (typeof call.custom.input !== 'string') return invalidType(`${at}.custom.input`, 'a string', call.custom.input)
    }
  }
  return undefined
}
