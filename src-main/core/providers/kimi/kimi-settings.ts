import type { ProviderSettingsDescriptor } from '../provider-settings-descriptor'
import { kimiAnthropicBaseUrl, kimiChatBaseUrl } from './kimi-base-url'
import { instanceTimeoutSettings, nonStreamingFallbackSetting } from '../common-instance-settings'

/** A `kimi` entry's form. */
export const kimiSettings: ProviderSettingsDescriptor = {
  fields: [
    {
      name: 'region',
      label: 'Region',
      description: 'intl: api.moonshot.ai (platform.moonshot.ai and platform.kimi.ai keys); cn: api.moonshot.cn (platform.moonshot.cn keys).',
      kind: 'choice',
      choices: ['intl', 'cn'],
      default: 'intl',
    },
    {
      name: 'baseUrl',
      label: 'Base URL',
      description: 'Overrides the host region picks; the Chat Completions root including /v1.',
      kind: 'url',
      placeholder: kimiChatBaseUrl('intl'),
    },
    {
      name: 'apiKey',
      label: 'API key',
      description: 'A Moonshot API key, sent as Authorization: Bearer. Only an Authorization entry in the extra headers can replace it.',
      kind: 'secret',
      required: true,
    },
    {
      name: 'models',
      label: 'Models',
      description: 'The models this instance serves; empty: the upstream’s own /models list.',
      kind: 'string-list',
    },
    {
      name: 'headers',
      label: 'Extra headers',
      description: 'Sent on every request.',
      kind: 'string-map',
    },
    {
      name: 'anthropicEndpoint',
      label: 'Anthropic-compatible endpoint',
      description: 'Forward Anthropic Messages clients as they are to Kimi’s Anthropic-compatible endpoint, keeping thinking and cache_control.',
      kind: 'boolean',
      default: true,
    },
    {
      name: 'anthropicBaseUrl',
      label: 'Anthropic endpoint URL',
      description: 'That endpoint’s root. Unset: next to the base URL (…/v1 → …/anthropic); required when the base URL does not end in /v1.',
      kind: 'url',
      placeholder: kimiAnthropicBaseUrl(kimiChatBaseUrl('intl')),
    },
    nonStreamingFallbackSetting(false),
    ...instanceTimeoutSettings,
  ],
}
