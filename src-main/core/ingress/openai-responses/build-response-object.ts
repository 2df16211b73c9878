import type { OpenAiResponsesEcho } from './openai-responses-echo'
import { outputTextOf, type OutputItem } from './response-output-items'
import type { ResponseError, ResponseStatus } from './response-status'
import type { ResponseUsage } from './response-usage'

export interface ResponseObjectFields {
  id: string
  /** Unix seconds. */
  createdAt: number
  model: string
  status: ResponseStatus
  output: readonly OutputItem[]
  usage: ResponseUsage | null
  error?: ResponseError | null
  incompleteDetails?: { reason: string } | null
  echo: OpenAiResponsesEcho
}

export type ResponseObject = Record<string, unknown> & { id: string; object: 'response'; status: ResponseStatus; output: OutputItem[] }

/** The Response object, the same for the JSON answer, the stream's lifecycle events and GET. */
export function buildResponseObject(fields: ResponseObjectFields): ResponseObject {
  const { echo } = fields
  return {
    id: fields.id,
    object: 'response',
    created_at: fields.createdAt,
    status: fields.status,
    background: echo.background,
    error: fields.error ?? null,
    incomplete_details: fields.incompleteDetails ?? null,
    instructions: echo.instructions,
    max_output_tokens: echo.max_output_tokens,
    max_tool_calls: echo.max_tool_calls,
    model: fields.model,
    output: structuredClone([...fields.output]),
    output_text: outputTextOf(fields.output),
    parallel_tool_calls: echo.parallel_tool_calls,
    previous_response_id: echo.previous_response_id,
    prompt_cache_key: echo.prompt_cache_key,
    reasoning: echo.reasoning,
    safety_identifier: echo.safety_identifier,
    service_tier: echo.service_tier,
    store: echo.store,
    temperature: echo.temperature,
    text: echo.text,
    tool_choice: echo.tool_choice,
    tools: echo.tools,
    top_logprobs: echo.top_logprobs,
    top_p: echo.top_p,
    truncation: echo.truncation,
    usage: fields.usage,
    user: echo.user,
    metadata: echo.metadata,
  }
}
