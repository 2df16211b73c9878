import type { CifResponseFormat } from '../../cif'
import type { OpenAiChatRequest } from './openai-chat-request-schema'

/** `response_format` → CIF. A json_schema without `schema` accepts any JSON value. */
export function convertOpenAiChatResponseFormat(format: NonNullable<OpenAiChatRequest['response_format']>): CifResponseFormat {
  if (format.type === 'text') return { type: 'text' }
  if (format.type === 'json_object') return { type: 'json-object' }
  const { name, description, schema, strict } = format.json_schema
  const converted: CifResponseFormat = { type: 'json-schema', schema: schema ?? {}, name }
  if (description !== undefined) converted.description = description
  if (strict != null) converted.strict = strict
  return converted
}
