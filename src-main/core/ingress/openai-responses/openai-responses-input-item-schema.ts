import { z } from 'zod'
import { reasoningEffortSchema } from './openai-responses-request-schema'

/** Input item and content schemas, one per `type`; see convert-input-items.ts for how each maps to the CIF. */

const inputTextSchema = z.looseObject({ type: z.literal('input_text'), text: z.string() })
const outputTextSchema = z.looseObject({ type: z.literal('output_text'), text: z.string() })
const refusalSchema = z.looseObject({ type: z.literal('refusal'), refusal: z.string() })
const inputAudioSchema = z.looseObject({ type: z.literal('input_audio') })

const inputImageSchema = z
  .looseObject({
    type: z.literal('input_image'),
    image_url: z.string().nullish(),
    file_id: z.string().nullish(),
    detail: z.enum(['auto', 'low', 'high', 'original']).nullish(),
  })
  .refine((image) => Boolean(image.image_url ?? image.file_id), { message: 'an input_image needs image_url or file_id', path: ['image_url'] })

const inputFileSchema = z
  .looseObject({
    type: z.literal('input_file'),
    file_id: z.string().nullish(),
    file_data: z.string().nullish(),
    file_url: z.string().nullish(),
    filename: z.string().nullish(),
  })
  .refine((file) => Boolean(file.file_id ?? file.file_data ?? file.file_url), {
    message: 'an input_file needs file_id, file_data or file_url',
    path: ['file_id'],
  })

export const messageContentPartSchema = z.discriminatedUnion('type', [
  inputTextSchema,
  outputTextSchema,
  inputImageSchema,
  inputFileSchema,
  refusalSchema,
  inputAudioSchema,
])
export type MessageContentPart = z.infer<typeof messageContentPartSchema>

export const toolOutputContentPartSchema = z.discriminatedUnion('type', [inputTextSchema, outputTextSchema, inputImageSchema, inputFileSchema])
export type ToolOutputContentPart = z.infer<typeof toolOutputContentPartSchema>

const toolOutputSchema = z.union([z.string(), z.array(toolOutputContentPartSchema)])

export const messageItemSchema = z.looseObject({
  type: z.literal('message'),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(messageContentPartSchema)]),
  id: z.string().nullish(),
})

export const functionCallItemSchema = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
  namespace: z.string().nullish(),
  id: z.string().nullish(),
})

export const functionCallOutputItemSchema = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string().min(1),
  output: toolOutputSchema,
})

export const customToolCallItemSchema = z.looseObject({
  type: z.literal('custom_tool_call'),
  call_id: z.string().min(1),
  name: z.string().min(1),
  input: z.string(),
  namespace: z.string().nullish(),
  id: z.string().nullish(),
})

export const customToolCallOutputItemSchema = z.looseObject({
  type: z.literal('custom_tool_call_output'),
  call_id: z.string().min(1),
  output: toolOutputSchema,
})

export const reasoningItemSchema = z.looseObject({
  type: z.literal('reasoning'),
  id: z.string().nullish(),
  summary: z.array(z.looseObject({ type: z.literal('summary_text'), text: z.string() })).nullish(),
  content: z.array(z.looseObject({ type: z.string(), text: z.string() })).nullish(),
  encrypted_content: z.string().nullish(),
})

export type ReasoningItem = z.infer<typeof reasoningItemSchema>

export const itemReferenceSchema = z.looseObject({ type: z.literal('item_reference'), id: z.string().min(1) })

/** Codex "responses-lite": the tools travel in an input item instead of `tools`. */
export const additionalToolsItemSchema = z.looseObject({
  type: z.literal('additional_tools'),
  tools: z.array(z.looseObject({ type: z.string() })),
})

/** Codex "responses-lite": a settings change from this point of the conversation on. */
export const configurationUpdateItemSchema = z.looseObject({
  type: z.literal('configuration_update'),
  reasoning: z.looseObject({ effort: reasoningEffortSchema.nullish(), summary: z.string().nullish() }).nullish(),
})

/**
 * Official item types the CIF has no home for (hosted-tool calls and their outputs, compaction …): a
 * conversation that carries them is still valid, so they are dropped with a warning rather than refused.
 */
export const inexpressibleItemTypes: ReadonlySet<string> = new Set([
  'web_search_call',
  'file_search_call',
  'computer_call',
  'computer_call_output',
  'image_generation_call',
  'code_interpreter_call',
  'local_shell_call',
  'local_shell_call_output',
  'shell_call',
  'shell_call_output',
  'apply_patch_call',
  'apply_patch_call_output',
  'mcp_list_tools',
  'mcp_approval_request',
  'mcp_approval_response',
  'mcp_call',
  'tool_search_call',
  'tool_search_output',
  'compaction',
  'compaction_trigger',
  'program',
  'program_output',
])
