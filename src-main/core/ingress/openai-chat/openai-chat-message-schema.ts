import { z } from 'zod'
import { openAiChatAssistantPartSchema, openAiChatTextPartSchema, openAiChatUserPartSchema } from './openai-chat-content-part-schema'

/** Some clients (LiteLLM style) put an Anthropic-style cache breakpoint on the whole message. */
const messageCacheControl = z.looseObject({ type: z.literal('ephemeral'), ttl: z.enum(['5m', '1h']).optional() }).optional()

const textContent = z.union([z.string(), z.array(openAiChatTextPartSchema)])

export const openAiChatFunctionToolCallSchema = z.looseObject({
  id: z.string().min(1),
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string().min(1),
    /** A JSON string by the spec; some clients send the object itself, which we re-encode. */
    arguments: z.union([z.string(), z.record(z.string(), z.unknown())]),
  }),
})

export const openAiChatCustomToolCallSchema = z.looseObject({
  id: z.string().min(1),
  type: z.literal('custom'),
  custom: z.looseObject({ name: z.string().min(1), input: z.string() }),
})

export const openAiChatToolCallSchema = z.discriminatedUnion('type', [openAiChatFunctionToolCallSchema, openAiChatCustomToolCallSchema])

const systemMessage = z.looseObject({ role: z.literal('system'), content: textContent, name: z.string().optional(), cache_control: messageCacheControl })

const developerMessage = z.looseObject({ role: z.literal('developer'), content: textContent, name: z.string().optional(), cache_control: messageCacheControl })

const userMessage = z.looseObject({
  role: z.literal('user'),
  content: z.union([z.string(), z.array(openAiChatUserPartSchema)]),
  name: z.string().optional(),
  cache_control: messageCacheControl,
})

const assistantMessage = z.looseObject({
  role: z.literal('assistant'),
  content: z.union([z.string(), z.array(openAiChatAssistantPartSchema)]).nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(openAiChatToolCallSchema).nullish(),
  /** The de-facto reasoning field (DeepSeek, vLLM, OpenRouter); clients echo it back in history. */
  reasoning_content: z.string().nullish(),
  /** A previous audio answer, by id. */
  audio: z.looseObject({ id: z.string() }).nullish(),
  /** Deprecated function calling; rejected when not null. */
  function_call: z.looseObject({ name: z.string(), arguments: z.string() }).nullish(),
  name: z.string().optional(),
  cache_control: messageCacheControl,
})

const toolMessage = z.looseObject({ role: z.literal('tool'), tool_call_id: z.string().min(1), content: textContent, cache_control: messageCacheControl })

/** Deprecated with function calling; rejected with a pointer to tool messages. */
const functionMessage = z.looseObject({ role: z.literal('function'), name: z.string(), content: z.string().nullable() })

/** Each role's schema, so the parser can tell which fields of a message it does not know. */
export const openAiChatMessageSchemaByRole = {
  system: systemMessage,
  developer: developerMessage,
  user: userMessage,
  assistant: assistantMessage,
  tool: toolMessage,
  function: functionMessage,
}

export const openAiChatMessageSchema = z.discriminatedUnion('role', [systemMessage, developerMessage, userMessage, assistantMessage, toolMessage, functionMessage])

export type OpenAiChatMessage = z.infer<typeof openAiChatMessageSchema>
export type OpenAiChatAssistantMessage = z.infer<typeof assistantMessage>
export type OpenAiChatToolCall = z.infer<typeof openAiChatToolCallSchema>
