import { z } from 'zod'
import { VERSION } from '../../version'
import type { UpstreamHttpClient } from '../http/upstream-http-client'
import type { OpenAiChatRequestBody } from '../openai-compatible'
import { readOpenAiJsonResponse } from '../openai-compatible/read-openai-json-response'
import type { ProviderCallOptions } from '../provider-definition'

const estimateSchema = z.object({ data: z.object({ total_tokens: z.number() }) })

/**
 * Moonshot's token estimate (POST /v1/tokenizers/estimate-token-count, "input structure almost the same
 * as chat completions"): the chat body's model, messages and tools, answered with `data.total_tokens`.
 */
export async function countKimiTokens(
  chat: OpenAiChatRequestBody,
  context: { instanceId: string; baseUrl: string; apiKey?: string; headers: Record<string, string>; http: UpstreamHttpClient },
  options: ProviderCallOptions,
): Promise<number> {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': `omnillm/${VERSION}`, ...lowerCased(context.headers) }
  if (context.apiKey) headers.authorization = `Bearer ${context.apiKey}`
  const json = { model: chat.model, messages: chat.messages, ...(chat.tools ? { tools: chat.tools } : {}) }
  const response = await context.http.request({ instanceId: context.instanceId, url: `${context.baseUrl}/tokenizers/estimate-token-count`, method: 'POST', headers, json, signal: options.signal })
  return (await readOpenAiJsonResponse(context.instanceId, response, estimateSchema)).data.total_tokens
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
}
