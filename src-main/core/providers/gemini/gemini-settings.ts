import type { ProviderSettingsDescriptor } from '../provider-settings-descriptor'
import { defaultGeminiBaseUrl } from './parse-gemini-provider-config'
import { instanceTimeoutSettings, nonStreamingFallbackSetting } from '../common-instance-settings'

/** A `gemini` entry's form. */
export const geminiSettings: ProviderSettingsDescriptor = {
  fields: [
    {
      name: 'baseUrl',
      label: 'Base URL',
      description: 'The API root without a version; the gateway appends /v1beta/….',
      kind: 'url',
      default: defaultGeminiBaseUrl,
    },
    {
      name: 'apiKey',
      label: 'API key',
      description: 'Sent as x-goog-api-key.',
      kind: 'secret',
    },
    {
      name: 'models',
      label: 'Models',
      description: 'The models this instance serves; empty: the upstream’s own model list.',
      kind: 'string-list',
    },
    {
      name: 'safetySettings',
      label: 'Safety settings',
      description: 'Sent on every request as safetySettings: a list of {category, threshold}.',
      kind: 'json',
      placeholder: '[{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE"}]',
    },
    nonStreamingFallbackSetting(false),
    ...instanceTimeoutSettings,
  ],
}
