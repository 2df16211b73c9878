import { z } from 'zod'
import { anthropicCacheControlSchema } from './anthropic-cache-control-schema'

/** A client tool: the model produces JSON `input` matching `input_schema`. `type` is absent or 'custom'. */
export const anthropicCustomToolSchema = z.looseObject({
  type: z.literal('custom').nullish(),
  name: z.string().min(1),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()),
  cache_control: anthropicCacheControlSchema,
  eager_input_streaming: z.boolean().nullish(),
  strict: z.boolean().optional(),
})

/**
 * A server tool (`web_search_20250305`, `bash_20250124`, `text_editor_…`, `code_execution_…`, …): every
 * versioned type ends in `_YYYYMMDD`; `mcp_toolset` names an MCP connector server instead of a tool.
 */
export const anthropicServerToolSchema = z.looseObject({
  type: z.string().regex(/_\d{8}$|^mcp_toolset$/, 'unknown tool type; expected a custom tool or a versioned server tool such as web_search_20250305'),
  name: z.string().optional(),
  mcp_server_name: z.string().optional(),
  cache_control: anthropicCacheControlSchema,
})

export const anthropicToolSchema = z.union([anthropicCustomToolSchema, anthropicServerToolSchema])

export const anthropicToolChoiceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('tool'), name: z.string(), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('none') }),
])

export type AnthropicCustomTool = z.infer<typeof anthropicCustomToolSchema>
export type AnthropicTool = z.infer<typeof anthropicToolSchema>
export type AnthropicToolChoice = z.infer<typeof anthropicToolChoiceSchema>
