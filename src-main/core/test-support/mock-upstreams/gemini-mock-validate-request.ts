import { GeminiMockError, geminiValidationError, rejectGeminiRequest } from './gemini-mock-error'
import { geminiMockPartDataFields } from './gemini-mock-message-types'
import { validateGeminiMockSchema } from './gemini-mock-validate-schema'

type JsonObject = Record<string, unknown>

/** "Must start with a letter or an underscore … with a maximum length of 128." */
const functionNamePattern = /^[a-zA-Z_][a-zA-Z0-9_.:-]{0,127}$/

/**
 * The checks a parsed GenerateContentRequest goes through, problems collected the way the API lists them
 * (`* GenerateContentRequest.<path>: …`), plus the plain-message ones (roles, function calling config
 * without functions, thinking budget and level together). The body is the normalised (lowerCamel) one
 * of checkGeminiMockShape; `prefix` places a nested request (countTokens' generate_content_request).
 */
export function validateGeminiMockRequest(body: JsonObject, prefix = '', requestType = 'GenerateContentRequest'): void {
  const problems: string[] = []
  const contents = (body.contents ?? []) as JsonObject[]
  if (contents.length === 0) problems.push(`${prefix}contents: contents is not specified`)
  contents.forEach((content, index) => {
    if (content.role !== undefined && content.role !== '' && content.role !== 'user' && content.role !== 'model') rejectGeminiRequest('Please use a valid role: user, model.')
    validateParts(content, `${prefix}contents[${index}]`, problems)
  })
  if (body.systemInstruction) validateParts(body.systemInstruction as JsonObject, `${prefix}system_instruction`, problems)
  const names = validateTools((body.tools ?? []) as JsonObject[], prefix, problems)
  validateToolConfig(body.toolConfig as JsonObject | undefined, names, prefix, problems)
  validateGenerationConfig(body.generationConfig as JsonObject | undefined, prefix, problems)
  if (problems.length > 0) throw geminiValidationError(requestType, problems)
}

function validateParts(content: JsonObject, path: string, problems: string[]): void {
  const parts = (content.parts ?? []) as JsonObject[]
  if (parts.length === 0) problems.push(`${path}.parts: contents.parts must not be empty.`)
  parts.forEach((part, index) => {
    const at = `${path}.parts[${index}]`
    if (!geminiMockPartDataFields.some((field) => part[field] !== undefined && part[field] !== null)) problems.push(`${at}.data: required oneof field 'data' must have one initialized field`)
    const inline = part.inlineData as JsonObject | undefined
    if (inline && !inline.mimeType) problems.push(`${at}.inline_data.mime_type: must not be empty`)
    const file = part.fileData as JsonObject | undefined
    if (file && !file.fileUri) problems.push(`${at}.file_data.file_uri: must not be empty`)
    const call = part.functionCall as JsonObject | undefined
    if (call && !call.name) problems.push(`${at}.function_call.name: Name cannot be empty.`)
    const response = part.functionResponse as JsonObject | undefined
    if (response && !response.name) problems.push(`${at}.function_response.name: Name cannot be empty.`)
  })
}

function validateTools(tools: JsonObject[], prefix: string, problems: string[]): Set<string> {
  const names = new Set<string>()
  tools.forEach((tool, toolIndex) => {
    ;((tool.functionDeclarations ?? []) as JsonObject[]).forEach((declaration, index) => {
      const path = `${prefix}tools[${toolIndex}].function_declarations[${index}]`
      const name = String(declaration.name ?? '')
      if (!functionNamePattern.test(name)) {
        problems.push(`${path}.name: Invalid function name. Must start with a letter or an underscore. Must be alphameric (a-z, A-Z, 0-9), underscores (_), dots (.), colons (:), or dashes (-), with a maximum length of 128.`)
      }
      if (names.has(name)) problems.push(`${path}.name: Duplicate function declaration found: ${name}`)
      names.add(name)
      if (declaration.parameters && declaration.parametersJsonSchema) problems.push(`${path}: parameters and parameters_json_schema are mutually exclusive`)
      if (declaration.parameters) validateGeminiMockSchema(declaration.parameters as JsonObject, `${path}.parameters`, problems, { parameters: true })
    })
  })
  return names
}

function validateToolConfig(toolConfig: JsonObject | undefined, names: Set<string>, prefix: string, problems: string[]): void {
  const config = toolConfig?.functionCallingConfig as JsonObject | undefined
  if (!config) return
  if (names.size === 0 && config.mode !== undefined && String(config.mode).toUpperCase() !== 'NONE') rejectGeminiRequest('Function calling config is set without function_declarations.')
  const allowed = (config.allowedFunctionNames ?? []) as string[]
  if (allowed.length > 0 && String(config.mode ?? '').toUpperCase() !== 'ANY') problems.push(`${prefix}tool_config.function_calling_config.allowed_function_names: only allowed when mode is ANY`)
  allowed.forEach((name, index) => {
    if (!names.has(name)) problems.push(`${prefix}tool_config.function_calling_config.allowed_function_names[${index}]: function ${name} is not declared in tools`)
  })
}

function validateGenerationConfig(config: JsonObject | undefined, prefix: string, problems: string[]): void {
  if (!config) return
  const path = `${prefix}generation_config`
  if (config.responseSchema && config.responseJsonSchema) problems.push(`${path}: response_schema and response_json_schema are mutually exclusive`)
  if ((config.responseSchema || config.responseJsonSchema) && config.responseMimeType !== 'application/json' && config.responseMimeType !== 'text/x.enum') {
    problems.push(`${path}.response_mime_type: must be application/json or text/x.enum when a response schema is set`)
  }
  if (config.responseSchema) validateGeminiMockSchema(config.responseSchema as JsonObject, `${path}.response_schema`, problems)
  if (typeof config.temperature === 'number' && (config.temperature < 0 || config.temperature > 2)) problems.push(`${path}.temperature: must be in the range [0.0, 2.0]`)
  if (typeof config.topP === 'number' && (config.topP < 0 || config.topP > 1)) problems.push(`${path}.top_p: must be in the range [0.0, 1.0]`)
  const thinking = config.thinkingConfig as JsonObject | undefined
  if (thinking?.thinkingBudget !== undefined && thinking.thinkingLevel !== undefined) throw new GeminiMockError(400, 'You can only set only one of thinking budget and thinking level.')
}
