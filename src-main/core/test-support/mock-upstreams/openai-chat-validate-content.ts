import { isRecord } from './openai-chat-is-record'
import { invalidType, invalidValue, missingParameter, openAiMockError, type OpenAiMockError } from './openai-chat-mock-error'

/** Which content part types each role may send (the real API's unions). */
const partTypesByRole: Record<string, string[]> = {
  system: ['text'],
  developer: ['text'],
  user: ['text', 'image_url', 'input_audio', 'file'],
  assistant: ['text', 'refusal'],
  tool: ['text'],
  function: ['text'],
}

const partFields: Record<string, string[]> = {
  text: ['type', 'text', 'prompt_cache_breakpoint'],
  refusal: ['type', 'refusal'],
  image_url: ['type', 'image_url', 'prompt_cache_breakpoint'],
  input_audio: ['type', 'input_audio', 'prompt_cache_breakpoint'],
  file: ['type', 'file', 'prompt_cache_breakpoint'],
}

const imageDataUrl = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/
const webUrl = /^https?:\/\/[^\s/]+/

/** `content` of one message: required for user/system/tool, optional for an assistant with tool calls. */
export function validateOpenAiChatContent(message: Record<string, unknown>, where: string, acceptedExtensions: ReadonlySet<string>): OpenAiMockError | undefined {
  const role = message.role as string
  const content = message.content
  if (content === undefined || content === null) {
    if (role === 'assistant' && (message.tool_calls !== undefined || message.function_call !== undefined)) return undefined
    if (role === 'assistant' && content === null) return openAiMockError(400, "Invalid value for 'content': expected a string, got null.", { param: `${where}.content` })
    return missingParameter(`${where}.content`)
  }
  if (typeof content === 'string') return undefined
  if (!Array.isArray(content)) return invalidType(`${where}.content`, 'one of a string or array of objects', content)
  if (content.length === 0 && role !== 'assistant') {
    return openAiMockError(400, `Invalid '${where}.content': empty array. Expected an array with minimum length 1, but got an empty array instead.`, { param: `${where}.content`, code: 'empty_array' })
  }
  for (const [index, part] of content.entries()) {
    const problem = validatePart(part, `${where}.content[${index}]`, partTypesByRole[role]!, acceptedExtensions)
    if (problem) return problem
  }
  return undefined
}

function validatePart(part: unknown, where: string, allowedTypes: string[], acceptedExtensions: ReadonlySet<string>): OpenAiMockError | undefined {
  if (!isRecord(part)) return invalidType(where, 'an object', part)
  if (part.type === undefined) return missingParameter(`${where}.type`)
  if (!allowedTypes.includes(part.type as string)) return invalidValue(`${where}.type`, part.type, allowedTypes)
  for (const key of Object.keys(part)) {
    if (!partFields[part.type as string]!.includes(key) && !acceptedExtensions.has(key)) {
      return openAiMockError(400, `Unknown parameter: '${where}.${key}'.`, { param: `${where}.${key}`, code: 'unknown_parameter' })
    }
  }
  switch (part.type) {
    case 'text':
      return typeof part.text === 'string' ? undefined : missingParameter(`${where}.text`)
    case 'refusal':
      return typeof part.refusal === 'string' ? undefined : missingParameter(`${where}.refusal`)
    case 'image_url':
      return validateImageUrl(part.image_url, `${where}.image_url`)
    case 'file':
      return validateFile(part.file, `${where}.file`)
    default:
      return undefined
  }
}

function validateImageUrl(image: unknown, where: string): OpenAiMockError | undefined {
  if (!isRecord(image) || typeof image.url !== 'string') return missingParameter(`${where}.url`)
  if (image.detail !== undefined && !['auto', 'low', 'high'].includes(image.detail as string)) return invalidValue(`${where}.detail`, image.detail, ['auto', 'low', 'high'])
  if (image.url.startsWith('data:')) {
    if (imageDataUrl.test(image.url)) return undefined
    return openAiMockError(
      400,
      `Invalid '${where}.url'. Expected a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='), but got a value that is not.`,
      { param: `${where}.url`, code: 'invalid_value' },
    )
  }
  if (webUrl.test(image.url)) return undefined
  return openAiMockError(400, `Invalid '${where}.url'. Expected a valid URL, but got a value with an invalid format.`, { param: `${where}.url`, code: 'invalid_value' })
}

function validateFile(file: unknown, where: string): OpenAiMockError | undefined {
  if (!isRecord(file)) return missingParameter(where)
  if (typeof file.file_id === 'string') return undefined
  if (typeof file.file_data !== 'string') return missingParameter(`${where}.file_id`)
  if (!/^data:[\w.+-]+\/[\w.+-]+;base64,/.test(file.file_data)) {
    return openAiMockError(400, `Invalid '${where}.file_data'. Expected a base64-encoded data URL.`, { param: `${where}.file_data`, code: 'invalid_value' })
  }
  return undefined
}
