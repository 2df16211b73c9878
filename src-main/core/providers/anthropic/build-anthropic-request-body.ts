import type { CifRequest, CifWarning } from '../../cif'
import { anthropicModelTraits } from './anthropic-model-traits'
import type { AnthropicRequestBody } from './anthropic-request-body'
import { applyAnthropicThinkingConstraints } from './apply-anthropic-thinking-constraints'
import { convertToAnthropicMessages } from './convert-to-anthropic-messages'
import { mergeAnthropicDialectExtras } from './merge-anthropic-dialect-extras'
import { prepareAnthropicThinking } from './prepare-anthropic-thinking'
import { prepareAnthropicTools } from './prepare-anthropic-tools'
import { resolveAnthropicMaxTokens } from './resolve-anthropic-max-tokens'
import { toAnthropicCacheControl } from './to-anthropic-cache-control'

export interface BuildAnthropicRequestOptions {
  stream: boolean
  /** Pass mid-conversation system turns as `role: 'system'` (see convert-to-anthropic-messages). */
  midConversationSystem: boolean
  /** The instance's `defaultMaxTokens`, for requests without an output limit. */
  defaultMaxTokens?: number
  /** False from API version 2026-10-21 on, which rejects temperature, top_p and top_k at any value. */
  samplingParameters: boolean
}

export interface AnthropicRequestBuild {
  body: AnthropicRequestBody
  warnings: CifWarning[]
  /** Custom (freeform) tool names, so their calls map back to `kind: 'custom'`. */
  customToolNames: ReadonlySet<string>
}

/** CIF request → the POST /v1/messages body, with a warning for everything it could not express. */
export function buildAnthropicRequestBody(request: CifRequest, options: BuildAnthropicRequestOptions): AnthropicRequestBuild {
  const traits = anthropicModelTraits(request.model)
  const tools = prepareAnthropicTools(request)
  const conversion = convertToAnthropicMessages(request, { midConversationSystem: options.midConversationSystem })
  const maxTokens = resolveAnthropicMaxTokens(request.maxOutputTokens, traits, options.defaultMaxTokens)
  const thinking = prepareAnthropicThinking(request.reasoning, traits)
  const warnings: CifWarning[] = [...tools.warnings, ...conversion.warnings, ...maxTokens.warnings, ...thinking.warnings]

  const body: AnthropicRequestBody = { model: request.model, max_tokens: maxTokens.maxTokens, messages: conversion.messages }
  if (conversion.system.length > 0) body.system = conversion.system
  setSampling(body, request, options.samplingParameters, warnings)
  if (request.stopSequences?.length) body.stop_sequences = request.stopSequences
  if (tools.tools) body.tools = tools.tools
  if (tools.toolChoice) body.tool_choice = tools.toolChoice
  if (thinking.thinking) body.thinking = thinking.thinking
  if (thinking.effort) body.output_config = { effort: thinking.effort }
  setResponseFormat(body, request, warnings)
  setMetadata(body, request, warnings)
  Object.assign(body, toAnthropicCacheControl(request.cacheControl))
  warnUnsupported(request, warnings)
  mergeAnthropicDialectExtras(body, request.dialectExtras, warnings)
  applyAnthropicThinkingConstraints(body, maxTokens.defaulted, warnings)
  body.stream = options.stream
  return { body, warnings, customToolNames: tools.customToolNames }
}

function setSampling(body: AnthropicRequestBody, request: CifRequest, allowed: boolean, warnings: CifWarning[]): void {
  const sampling: Array<['temperature' | 'top_p' | 'top_k', number | undefined]> = [
    ['temperature', request.temperature],
    ['top_p', request.topP],
    ['top_k', request.topK],
  ]
  for (const [field, value] of sampling) {
    if (value === undefined) continue
    if (allowed) body[field] = value
    else warnings.push({ type: 'unsupported', feature: field, details: `API version 2026-10-21 has no ${field}; ${value} was dropped.` })
  }
}

function setResponseFormat(body: AnthropicRequestBody, request: CifRequest, warnings: CifWarning[]): void {
  const format = request.responseFormat
  if (format?.type === 'json-schema') body.output_config = { ...body.output_config, format: { type: 'json_schema', schema: format.schema } }
  if (format?.type === 'json-object') {
    warnings.push({ type: 'unsupported', feature: 'response_format json_object', details: 'Anthropic has JSON-schema output only; the request was sent without a format constraint.' })
  }
}

function setMetadata(body: AnthropicRequestBody, request: CifRequest, warnings: CifWarning[]): void {
  if (request.user !== undefined) body.metadata = { user_id: request.user }
  const names = Object.keys(request.metadata ?? {})
  if (names.length > 0) warnings.push({ type: 'unsupported', feature: 'metadata', details: `Anthropic metadata holds only user_id; ${names.join(', ')} dropped.` })
}

function warnUnsupported(request: CifRequest, warnings: CifWarning[]): void {
  const unsupported: Array<[keyof CifRequest, string]> = [
    ['seed', 'seed'],
    ['frequencyPenalty', 'frequency_penalty'],
    ['presencePenalty', 'presence_penalty'],
    ['promptCacheKey', 'prompt_cache_key'],
  ]
  for (const [field, wireName] of unsupported) {
    if (request[field] !== undefined) warnings.push({ type: 'unsupported', feature: wireName, details: `The Messages API has no ${wireName}; it was dropped.` })
  }
}
