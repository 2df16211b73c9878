import { createWarningCollector, type CifMessage, type CifRequest, type CifWarning } from '../../cif'
import { convertToGeminiContents } from './convert-to-gemini-contents'
import type { GeminiGenerationConfig, GeminiRequestBody, GeminiSafetySetting } from './gemini-request-body'
import { prepareGeminiThinking } from './prepare-gemini-thinking'
import { prepareGeminiTools } from './prepare-gemini-tools'
import { sanitizeGeminiSchema, type GeminiSchemaReport } from './sanitize-gemini-schema'

export interface BuildGeminiRequestOptions {
  /** The instance's `safetySettings`, sent as they are. */
  safetySettings?: GeminiSafetySetting[]
}

export interface GeminiRequestBuild {
  body: GeminiRequestBody
  warnings: CifWarning[]
  /** Custom (freeform) tool names, so their calls map back to `kind: 'custom'`. */
  customToolNames: ReadonlySet<string>
}

/** CIF request → the generateContent body (the same for streaming), with a warning for all it could not express. */
export function buildGeminiRequestBody(request: CifRequest, options: BuildGeminiRequestOptions = {}): GeminiRequestBuild {
  const collector = createWarningCollector()
  const tools = prepareGeminiTools(request)
  const conversion = convertToGeminiContents(request, collector)
  const thinking = prepareGeminiThinking(request.reasoning)
  const warnings: CifWarning[] = [...tools.warnings, ...collector.warnings, ...thinking.warnings]

  const generationConfig: GeminiGenerationConfig = {
    ...(request.maxOutputTokens !== undefined ? { maxOutputTokens: request.maxOutputTokens } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { topP: request.topP } : {}),
    ...(request.topK !== undefined ? { topK: request.topK } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.presencePenalty !== undefined ? { presencePenalty: request.presencePenalty } : {}),
    ...(request.frequencyPenalty !== undefined ? { frequencyPenalty: request.frequencyPenalty } : {}),
    ...(request.stopSequences?.length ? { stopSequences: request.stopSequences } : {}),
    ...responseFormatConfig(request, warnings),
    ...(thinking.thinkingConfig ? { thinkingConfig: thinking.thinkingConfig } : {}),
  }
  const body: GeminiRequestBody = {
    contents: conversion.contents,
    ...(conversion.systemInstruction ? { systemInstruction: conversion.systemInstruction } : {}),
    ...(tools.tools ? { tools: tools.tools } : {}),
    ...(tools.toolConfig ? { toolConfig: tools.toolConfig } : {}),
    ...(Object.keys(generationConfig).length > 0 ? { generationConfig } : {}),
    ...(options.safetySettings?.length ? { safetySettings: options.safetySettings } : {}),
  }
  warnUnsupported(request, warnings)
  return { body, warnings, customToolNames: tools.customToolNames }
}

/** JSON mode → `responseMimeType`; a JSON schema → `responseSchema`, sanitised like tool schemas. */
function responseFormatConfig(request: CifRequest, warnings: CifWarning[]): GeminiGenerationConfig {
  const format = request.responseFormat
  if (format?.type === 'json-object') return { responseMimeType: 'application/json' }
  if (format?.type !== 'json-schema') return {}
  const report: GeminiSchemaReport = { lossy: new Set() }
  const schema = sanitizeGeminiSchema(format.schema, report)
  if (format.description && schema.description === undefined) schema.description = format.description
  if (report.lossy.size > 0) {
    warnings.push({ type: 'unsupported', feature: 'response schema keywords', details: `Gemini's Schema cannot express ${[...report.lossy].join(', ')}; those parts of the response schema were dropped or approximated.` })
  }
  return { responseMimeType: 'application/json', responseSchema: schema }
}

function warnUnsupported(request: CifRequest, warnings: CifWarning[]): void {
  if (hasCacheBreakpoints(request)) {
    warnings.push({ type: 'unsupported', feature: 'cache_control', details: 'Gemini caches repeated prompt prefixes on its own (implicit caching); the cache breakpoints were ignored.' })
  }
  const unsupported: Array<[unknown, string]> = [
    [request.user, 'user'],
    [request.metadata, 'metadata'],
    [request.promptCacheKey, 'prompt_cache_key'],
  ]
  for (const [value, wireName] of unsupported) {
    if (value !== undefined) warnings.push({ type: 'unsupported', feature: wireName, details: `The Gemini API has no ${wireName}; it was dropped.` })
  }
  if (request.dialectExtras && Object.keys(request.dialectExtras.fields).length > 0) {
    warnings.push({ type: 'unsupported', feature: `${request.dialectExtras.dialect} request fields`, details: `Gemini has no equivalent of ${Object.keys(request.dialectExtras.fields).join(', ')}; dropped.` })
  }
}

function hasCacheBreakpoints(request: CifRequest): boolean {
  if (request.cacheControl || request.tools?.some((tool) => tool.type === 'function' && tool.cacheControl)) return true
  const parts: Array<CifMessage['content'][number]> = [...request.system, ...request.messages.flatMap((message): Array<CifMessage['content'][number]> => message.content)]
  return parts.some((part) => part.cacheControl !== undefined || (part.type === 'tool-result' && part.content.some((inner) => inner.cacheControl !== undefined)))
}
