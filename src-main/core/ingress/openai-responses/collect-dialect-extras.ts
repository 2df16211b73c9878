import type { CifWarning } from '../../cif'
import { knownRequestKeys, type OpenAiResponsesRequest } from './openai-responses-request-schema'

/** Fields the CIF has no slot for; an OpenAI Responses upstream gets them back, other upstreams warn. */
const forwardedFields = ['service_tier', 'truncation', 'include', 'prompt_cache_retention', 'safety_identifier', 'client_metadata', 'top_logprobs', 'max_tool_calls'] as const

/**
 * The Responses-only fields of a request, keyed as in the body. `text` and `reasoning` keep only what the
 * CIF does not carry (`text.verbosity`, Codex's `reasoning.context`). Body keys the gateway does not know
 * at all are passed on too, with a warning.
 */
export function collectDialectExtras(body: Record<string, unknown>, request: OpenAiResponsesRequest, warnings: CifWarning[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const key of forwardedFields) if (request[key] != null) fields[key] = request[key]

  const text = withoutKeys(request.text, ['format'])
  if (text) fields.text = text
  const reasoning = withoutKeys(request.reasoning, ['effort', 'summary', 'generate_summary'])
  if (reasoning) fields.reasoning = reasoning

  for (const [key, value] of Object.entries(body)) {
    if (knownRequestKeys.has(key)) continue
    fields[key] = value
    warnings.push({ type: 'unsupported', feature: `request field "${key}"`, details: 'not a field the gateway knows; only an OpenAI Responses upstream would receive it' })
  }
  return fields
}

function withoutKeys(object: Record<string, unknown> | null | undefined, keys: string[]): Record<string, unknown> | undefined {
  if (!object) return undefined
  const rest = Object.fromEntries(Object.entries(object).filter(([key, value]) => !keys.includes(key) && value != null))
  return Object.keys(rest).length > 0 ? rest : undefined
}
