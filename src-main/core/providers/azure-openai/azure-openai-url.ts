import type { OpenAiEndpointPath } from '../openai-compatible'
import type { AzureOpenAiSurface } from './parse-azure-openai-config'

/**
 * Where an endpoint lives on each surface. `model` is already the deployment name:
 * - deployments: `{endpoint}/openai/deployments/{deployment}{path}?api-version={apiVersion}`
 * - v1: `{endpoint}/openai/v1{path}` (the deployment goes in the body's `model`); `?api-version=` only when configured.
 */
export function azureOpenAiUrl(options: { endpoint: string; surface: AzureOpenAiSurface; apiVersion?: string }, path: OpenAiEndpointPath, model: string | undefined): string {
  const query = options.apiVersion ? `?api-version=${encodeURIComponent(options.apiVersion)}` : ''
  if (options.surface === 'v1') return `${options.endpoint}/openai/v1${path}${query}`
  // The data-plane model list has no deployment segment (the provider lists its deployments map instead).
  if (path === '/models' || model === undefined) return `${options.endpoint}/openai${path}${query}`
  return `${options.endpoint}/openai/deployments/${encodeURIComponent(model)}${path}${query}`
}
