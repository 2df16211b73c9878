import { GeminiMockError, geminiParseError, type GeminiFieldViolation } from './gemini-mock-error'

type JsonObject = Record<string, unknown>

/** The fields each `v1internal` request message has (proto JSON names), and which are strings. */
const messages: Record<string, Record<string, 'string' | 'object' | 'bool'>> = {
  GenerateContentRequest: { model: 'string', project: 'string', user_prompt_id: 'string', userPromptId: 'string', request: 'object' },
  CountTokensRequest: { request: 'object' },
  LoadCodeAssistRequest: { cloudaicompanionProject: 'string', metadata: 'object', mode: 'string' },
  OnboardUserRequest: { tierId: 'string', cloudaicompanionProject: 'string', metadata: 'object' },
  FetchAvailableModelsRequest: { project: 'string' },
  ClientMetadata: { ideType: 'string', ideVersion: 'string', pluginVersion: 'string', platform: 'string', updateChannel: 'string', duetProject: 'string', pluginType: 'string', ideName: 'string' },
}

const enums: Record<string, readonly string[]> = {
  ideType: ['IDE_UNSPECIFIED', 'VSCODE', 'INTELLIJ', 'VSCODE_CLOUD_SHELL', 'CLOUD_SHELL', 'ANTIGRAVITY'],
  platform: ['PLATFORM_UNSPECIFIED', 'DARWIN_AMD64', 'DARWIN_ARM64', 'LINUX_AMD64', 'LINUX_ARM64', 'WINDOWS_AMD64'],
  pluginType: ['PLUGIN_UNSPECIFIED', 'CLOUD_CODE', 'GEMINI', 'AIPLUGIN_INTELLIJ', 'AIPLUGIN_STUDIO'],
}

/**
 * Parses a `v1internal` envelope like the proto JSON transcoder: unknown fields, wrong scalar types and
 * unknown enum values are a 400 in Google's wording. The Gemini request inside is left to the caller.
 */
export function checkCloudCodeMockEnvelope(body: unknown, message: string): JsonObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GeminiMockError(400, `Invalid JSON payload received. Unexpected token.\n${String(body ?? '').slice(0, 40)}\n^`)
  const violations: GeminiFieldViolation[] = []
  check(body as JsonObject, message, '', violations)
  if (violations.length > 0) throw geminiParseError(violations)
  return body as JsonObject
}

function check(value: JsonObject, message: string, path: string, violations: GeminiFieldViolation[]): void {
  const fields = messages[message]!
  const at = path === '' ? '' : ` at '${path}'`
  for (const [key, item] of Object.entries(value)) {
    const kind = fields[key]
    const fieldPath = path === '' ? key : `${path}.${key}`
    if (!kind) violations.push({ field: path, description: `Invalid JSON payload received. Unknown name "${key}"${at}: Cannot find field.` })
    else if (item === null) continue
    else if (kind === 'string' && typeof item !== 'string') violations.push({ field: fieldPath, description: `Invalid value at '${fieldPath}' (TYPE_STRING), ${JSON.stringify(item)}` })
    else if (kind === 'object' && (typeof item !== 'object' || Array.isArray(item))) violations.push({ field: fieldPath, description: `Invalid value at '${fieldPath}', ${JSON.stringify(item)}` })
    else if (key === 'metadata') check(item as JsonObject, 'ClientMetadata', fieldPath, violations)
    else if (enums[key] && !enums[key].includes(item as string)) violations.push({ field: fieldPath, description: `Invalid value at '${fieldPath}' (type.googleapis.com/google.internal.cloud.code.v1internal.ClientMetadata.${key[0]!.toUpperCase()}${key.slice(1)}), ${JSON.stringify(item)}` })
  }
}
