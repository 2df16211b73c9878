import type { ProviderDefinition } from '../provider-definition'
import { createAnthropicProvider } from './anthropic-provider'

/** The native Anthropic Messages API (`type: "anthropic"` in the config file). */
export const anthropicProviderDefinition: ProviderDefinition = {
  type: 'anthropic',
  label: 'Anthropic',
  create: createAnthropicProvider,
}
