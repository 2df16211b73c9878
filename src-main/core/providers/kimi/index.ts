import type { ProviderDefinition } from '../provider-definition'
import { createKimiProvider } from './create-kimi-provider'
import { parseKimiConfig } from './parse-kimi-config'
import { kimiSettings } from './kimi-settings'

/** Kimi / Moonshot AI (`type: "kimi"`): Chat Completions on api.moonshot.ai (or .cn), plus its Anthropic-compatible endpoint. */
export const kimiProviderDefinition: ProviderDefinition = {
  type: 'kimi',
  label: 'Kimi (Moonshot AI)',
  create: (context) => createKimiProvider(parseKimiConfig(context.config), context),
  settings: kimiSettings,
}

export { createKimiProvider } from './create-kimi-provider'
export { kimiAnthropicBaseUrl, kimiChatBaseUrl, type KimiRegion } from './kimi-base-url'
export { kimiModelTraits, type KimiModelTraits } from './kimi-model-traits'
export { parseKimiConfig, type KimiProviderConfig } from './parse-kimi-config'
