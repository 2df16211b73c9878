import { isJsonObject, joinPath, optionalBoolean, optionalString, rejectExtraFields, requireObject, requireOneOf, requireString, type JsonObject } from './anthropic-mock-checks'
import { rejectRequest } from './anthropic-mock-error'
import { verifyMockThinkingSignature } from './anthropic-mock-signature'
import { validateMockCacheControl } from './anthropic-mock-validate-cache-control'
import type { AnthropicMockValidationContext } from './anthropic-mock-validation-context'

/** The block types each place accepts (Messages API reference: content block params). */
export const mockUserBlockTypes = ['text', 'image', 'document', 'search_result', 'tool_result', 'container_upload']
export const mockAssistantBlockTypes = [
  'text',
  'thinking',
  'redacted_thinking',
  'tool_use',
  'server_tool_use',
  'web_search_tool_result',
  'web_fetch_tool_result',
  'code_execution_tool_result',
  'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result',
  'tool_search_tool_result',
  'container_upload',
]
export const mockTextOnlyBlockTypes = ['text']
const toolResultContentTypes = ['text', 'image', 'document', 'search_result', 'tool_reference']

/** Fields of the block types the mock checks in depth; server-tool blocks are accepted as they are. */
const blockFields: Record<string, string[]> = {
  text: ['type', 'text', 'cache_control', 'citations'],
  image: ['type', 'source', 'cache_control', 'transformations'],
  document: ['type', 'source', 'cache_control', 'citations', 'context', 'title'],
  tool_use: ['type', 'id', 'name', 'input', 'cache_control', 'caller', 'toolset_name'],
  tool_result: ['type', 'tool_use_id', 'content', 'is_error', 'cache_control', 'toolset_name'],
  thinking: ['type', 'thinking', 'signature'],
  redacted_thinking: ['type', 'data'],
}

/** Checks one content block at `path` (`messages.2.content.0`) against the types allowed there. */
export function validateMockContentBlock(value: unknown, path: string, allowedTypes: string[], context: AnthropicMockValidationContext): JsonObject {
  if (!isJsonObject(value)) rejectRequest(`${path}: Input should be a valid dictionary`)
  const type = value.type
  if (typeof type !== 'string') rejectRequest(`${path}: Unable to extract tag using discriminator 'type'`)
  if (!allowedTypes.includes(type)) {
    rejectRequest(`${path}: Input tag '${type}' found using 'type' does not match any of the expected tags: ${allowedTypes.map((item) => `'${item}'`).join(', ')}`)
  }
  const fields = blockFields[type]
  if (!fields) return value
  const tagged = joinPath(path, type)
  rejectExtraFields(value, fields, tagged)
  if (fields.includes('cache_control')) validateMockCacheControl(value.cache_control, joinPath(tagged, 'cache_control'), context)
  switch (type) {
    case 'text':
      if (requireString(value, 'text', tagged) === '') rejectRequest(`${path.split('.')[0]}: text content blocks must be non-empty`)
      break
    case 'image':
      validateSource(value, tagged, { base64: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] })
      break
    case 'document':
      validateSource(value, tagged, { base64: ['application/pdf'], text: ['text/plain'] })
      optionalString(value, 'title', tagged)
      optionalString(value, 'context', tagged)
      break
    case 'tool_use':
      if (!/^[a-zA-Z0-9_-]+$/.test(requireString(value, 'id', tagged))) rejectRequest(`${joinPath(tagged, 'id')}: String should match pattern '^[a-zA-Z0-9_-]+$'`)
      requireString(value, 'name', tagged)
      requireObject(value.input, joinPath(tagged, 'input'))
      break
    case 'tool_result':
      validateToolResult(value, tagged, context)
      break
    case 'thinking': {
      const thinking = requireString(value, 'thinking', tagged)
      if (!verifyMockThinkingSignature(thinking, requireString(value, 'signature', tagged))) rejectRequest(`${path}: Invalid \`signature\` in \`thinking\` block`)
      break
    }
    case 'redacted_thinking':
      if (requireString(value, 'data', tagged) === '') rejectRequest(`${joinPath(tagged, 'data')}: String should have at least 1 character`)
      break
  }
  return value
}

function validateSource(block: JsonObject, path: string, mediaTypes: { base64: string[]; text?: string[] }): void {
  const at = joinPath(path, 'source')
  const source = requireObject(block.source, at)
  const kinds = ['base64', 'url', 'file', ...(mediaTypes.text ? ['text', 'content'] : [])]
  const kind = requireOneOf(source, 'type', at, kinds)
  const tagged = joinPath(at, kind)
  if (kind === 'base64' || kind === 'text') {
    rejectExtraFields(source, ['type', 'media_type', 'data'], tagged)
    requireOneOf(source, 'media_type', tagged, kind === 'base64' ? mediaTypes.base64 : mediaTypes.text!)
    if (requireString(source, 'data', tagged) === '' && kind === 'base64') rejectRequest(`${joinPath(tagged, 'data')}: String should have at least 1 character`)
  } else if (kind === 'url') {
    rejectExtraFields(source, ['type', 'url'], tagged)
    if (!/^https?:\/\//.test(requireString(source, 'url', tagged))) rejectRequest(`${joinPath(tagged, 'url')}: Input should be a valid URL`)
  } else if (kind === 'file') {
    rejectExtraFields(source, ['type', 'file_id'], tagged)
    requireString(source, 'file_id', tagged)
  }
}

function validateToolResult(block: JsonObject, path: string, context: AnthropicMockValidationContext): void {
  requireString(block, 'tool_use_id', path)
  optionalBoolean(block, 'is_error', path)
  const content = block.content
  if (content === undefined || typeof content === 'string') return
  if (!Array.isArray(content)) rejectRequest(`${joinPath(path, 'content')}: Input should be a valid string or list`)
  content.forEach((item, index) => validateMockContentBlock(item, joinPath(joinPath(path, 'content'), index), toolResultContentTypes, context))
}
