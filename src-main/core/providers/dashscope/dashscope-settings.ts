import type { ProviderSettingsDescriptor } from '../provider-settings-descriptor'
import { dashScopeBaseUrl } from './dashscope-base-url'
import { instanceTimeoutSettings, nonStreamingFallbackSetting } from '../common-instance-settings'

/** A `dashscope` entry's form. */
export const dashScopeSettings: ProviderSettingsDescriptor = {
  fields: [
    {
      name: 'region',
      label: 'Region',
      description: 'intl: the international (Singapore) site; cn: the China (Beijing) site. API keys do not cross regions.',
      kind: 'choice',
      choices: ['intl', 'cn'],
      default: 'intl',
    },
    {
      name: 'plan',
      label: 'Plan',
      description: 'standard: pay-as-you-go; coding: the Coding Plan subscription, with its own sk-sp-… keys and hosts.',
      kind: 'choice',
      choices: ['standard', 'coding'],
      default: 'standard',
    },
    {
      name: 'baseUrl',
      label: 'Base URL',
      description: 'Overrides the host region and plan pick; the root including /compatible-mode/v1 or /v1.',
      kind: 'url',
      placeholder: dashScopeBaseUrl('standard', 'intl'),
    },
    {
      name: 'apiKey',
      label: 'API key',
      description: 'A Model Studio API key, sent as Authorization: Bearer. Only an Authorization entry in the extra headers can replace it.',
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
      description: 'Sent on every request (X-DashScope-DataInspection, a workspace header, …).',
      kind: 'string-map',
    },
    nonStreamingFallbackSetting(true, 'DashScope’s streams have refused valid bodies'),
    ...instanceTimeoutSettings,
  ],
}
