import type { ProviderDefinition } from '../provider-definition'
import { createAnthropicProvider } from './anthropic-provider'
import { anthropicSettings } from './anthropic-settings'

/** The native Anthropic Messages API (`type: "anthropic"` in the config file). */
export const anthropicProviderDefinition: ProviderDefinition = {
  type: 'anthropic',
  label: 'Anthropic',
  create: createAnthropicProvider,
  settings: anthropicSettings,
}
