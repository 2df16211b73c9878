import type { AnthropicProviderConfig } from './anthropic-provider-config'

/**
 * The upstream headers: our key as `x-api-key`, `anthropic-version`, and `anthropic-beta` = the client's
 * betas followed by the configured ones (each once). No other client header is forwarded.
 */
export function buildAnthropicHeaders(config: AnthropicProviderConfig, clientHeaders: Record<string, string>, accept: string): Record<string, string> {
  const headers: Record<string, string> = { accept, 'anthropic-version': config.anthropicVersion }
  if (config.apiKey) headers['x-api-key'] = config.apiKey
  const betas = anthropicBetas(config, clientHeaders)
  if (betas.length > 0) headers['anthropic-beta'] = betas.join(',')
  return headers
}

export function anthropicBetas(config: AnthropicProviderConfig, clientHeaders: Record<string, string>): string[] {
  const fromClient = (clientHeaders['anthropic-beta'] ?? '').split(',').map((beta) => beta.trim())
  return [...new Set([...fromClient, ...config.betas].filter(Boolean))]
}
