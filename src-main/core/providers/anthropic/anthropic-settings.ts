import type { ProviderSettingsDescriptor } from '../provider-settings-descriptor'
import { defaultAnthropicBaseUrl, defaultAnthropicVersion } from './anthropic-provider-config'
import { instanceTimeoutSettings, nonStreamingFallbackSetting } from '../common-instance-settings'

/** An `anthropic` entry's form. */
export const anthropicSettings: ProviderSettingsDescriptor = {
  fields: [
    {
      name: 'baseUrl',
      label: 'Base URL',
      description: 'The API root without /v1, as ANTHROPIC_BASE_URL.',
      kind: 'url',
      default: defaultAnthropicBaseUrl,
    },
    {
      name: 'apiKey',
      label: 'API key',
      description: 'Sent as x-api-key.',
      kind: 'secret',
    },
    {
      name: 'models',
      label: 'Models',
      description: 'The models this instance serves; empty: the upstream’s own model list.',
      kind: 'string-list',
    },
    {
      name: 'anthropicVersion',
      label: 'API version',
      description: 'The anthropic-version header.',
      kind: 'text',
      default: defaultAnthropicVersion,
    },
    {
      name: 'betas',
      label: 'Betas',
      description: 'Sent on every request, added to the client’s anthropic-beta.',
      kind: 'string-list',
    },
    {
      name: 'defaultMaxTokens',
      label: 'Default max tokens',
      description: 'max_tokens for requests that set no output limit. Unset: the model’s limit, else 8192.',
      kind: 'number',
    },
    nonStreamingFallbackSetting(false),
    ...instanceTimeoutSettings,
  ],
}
