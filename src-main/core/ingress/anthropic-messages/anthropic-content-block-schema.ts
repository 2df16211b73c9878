import { z } from 'zod'
import { anthropicCacheControlSchema } from './anthropic-cache-control-schema'

/**
 * The content blocks of `messages[].content` and `tool_result.content`, as the Messages API documents
 * them. Objects are loose: fields we do not map are reported as warnings, not rejected, so a request an
 * Anthropic upstream would accept is never refused here.
 */

const cache_control = anthropicCacheControlSchema

export const anthropicTextBlockSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  cache_control,
  citations: z.array(z.looseObject({ type: z.string() })).nullish(),
})

const imageSourceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('base64'), media_type: z.enum(['image/jpeg', 'image/png', 'image/gif', 'image/webp']), data: z.string() }),
  z.looseObject({ type: z.literal('url'), url: z.string() }),
  z.looseObject({ type: z.literal('file'), file_id: z.string() }),
])

export const anthropicImageBlockSchema = z.looseObject({
  type: z.literal('image'),
  source: imageSourceSchema,
  cache_control,
})

const documentSourceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('base64'), media_type: z.literal('application/pdf'), data: z.string() }),
  z.looseObject({ type: z.literal('text'), media_type: z.literal('text/plain'), data: z.string() }),
  z.looseObject({ type: z.literal('url'), url: z.string() }),
  z.looseObject({ type: z.literal('file'), file_id: z.string() }),
  /** A "custom content" document: its own text (and image) blocks, each citable on its own. */
  z.looseObject({
    type: z.literal('content'),
    content: z.union([z.string(), z.array(z.discriminatedUnion('type', [anthropicTextBlockSchema, anthropicImageBlockSchema]))]),
  }),
])

const citationsConfigSchema = z.looseObject({ enabled: z.boolean().optional() }).nullish()

export const anthropicDocumentBlockSchema = z.looseObject({
  type: z.literal('document'),
  source: documentSourceSchema,
  title: z.string().nullish(),
  context: z.string().nullish(),
  citations: citationsConfigSchema,
  cache_control,
})

export const anthropicSearchResultBlockSchema = z.looseObject({
  type: z.literal('search_result'),
  source: z.string(),
  title: z.string(),
  content: z.array(anthropicTextBlockSchema),
  citations: citationsConfigSchema,
  cache_control,
})

export const anthropicThinkingBlockSchema = z.looseObject({
  type: z.literal('thinking'),
  thinking: z.string(),
  signature: z.string(),
  cache_control,
})

export const anthropicRedactedThinkingBlockSchema = z.looseObject({
  type: z.literal('redacted_thinking'),
  data: z.string(),
  cache_control,
})

export const anthropicToolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
  cache_control,
})

/** Tool-result content blocks that only Anthropic's own tools produce; dropped (with a warning) elsewhere. */
export const anthropicToolResultOnlyBlockTypes = ['tool_reference', 'browser_state'] as const

export const anthropicToolResultBlockSchema = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z
    .union([
      z.string(),
      z.array(
        z.discriminatedUnion('type', [
          anthropicTextBlockSchema,
          anthropicImageBlockSchema,
          anthropicDocumentBlockSchema,
          anthropicSearchResultBlockSchema,
          z.looseObject({ type: z.enum(anthropicToolResultOnlyBlockTypes) }),
        ]),
      ),
    ])
    .optional(),
  is_error: z.boolean().optional(),
  cache_control,
})

/** A server-side compaction summary (context management); its text is kept as assistant text. */
export const anthropicCompactionBlockSchema = z.looseObject({
  type: z.literal('compaction'),
  content: z.string().nullish(),
  cache_control,
})

/**
 * Blocks that record what Anthropic's servers ran (server tools, MCP connector, code-execution files,
 * tool-set changes). Only an Anthropic upstream can make sense of them, and it receives the client's body
 * verbatim through passthrough; for every other upstream they are dropped with a warning.
 */
export const anthropicServerOnlyBlockTypes = [
  'server_tool_use',
  'web_search_tool_result',
  'web_fetch_tool_result',
  'advisor_tool_result',
  'code_execution_tool_result',
  'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result',
  'tool_search_tool_result',
  'mcp_tool_use',
  'mcp_tool_result',
  'mcp_tool_listing',
  'container_upload',
  'tool_addition',
  'tool_removal',
  'fallback',
] as const

export const anthropicServerOnlyBlockSchema = z.looseObject({ type: z.enum(anthropicServerOnlyBlockTypes), cache_control })

export const anthropicContentBlockSchema = z.discriminatedUnion('type', [
  anthropicTextBlockSchema,
  anthropicImageBlockSchema,
  anthropicDocumentBlockSchema,
  anthropicSearchResultBlockSchema,
  anthropicThinkingBlockSchema,
  anthropicRedactedThinkingBlockSchema,
  anthropicToolUseBlockSchema,
  anthropicToolResultBlockSchema,
  anthropicCompactionBlockSchema,
  anthropicServerOnlyBlockSchema,
])

export type AnthropicTextBlock = z.infer<typeof anthropicTextBlockSchema>
export type AnthropicImageBlock = z.infer<typeof anthropicImageBlockSchema>
export type AnthropicDocumentBlock = z.infer<typeof anthropicDocumentBlockSchema>
export type AnthropicSearchResultBlock = z.infer<typeof anthropicSearchResultBlockSchema>
export type AnthropicThinkingBlock = z.infer<typeof anthropicThinkingBlockSchema>
export type AnthropicRedactedThinkingBlock = z.infer<typeof anthropicRedactedThinkingBlockSchema>
export type AnthropicToolUseBlock = z.infer<typeof anthropicToolUseBlockSchema>
export type AnthropicToolResultBlock = z.infer<typeof anthropicToolResultBlockSchema>
export type AnthropicContentBlock = z.infer<typeof anthropicContentBlockSchema>
