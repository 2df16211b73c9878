import type { ProviderSettingsDescriptor } from '../provider-settings-descriptor'
import { defaultAzureApiVersion } from './parse-azure-openai-config'
import { instanceTimeoutSettings, nonStreamingFallbackSetting } from '../common-instance-settings'

/** An `azure-openai` entry's form. */
export const azureOpenAiSettings: ProviderSettingsDescriptor = {
  fields: [
    {
      name: 'baseUrl',
      label: 'Resource endpoint',
      description: 'The resource endpoint; a trailing /openai or /openai/v1 is stripped.',
      kind: 'url',
      required: true,
      placeholder: 'https://NAME.openai.azure.com',
    },
    {
      name: 'apiKey',
      label: 'API key',
      description: 'Sent as the api-key header. Only an api-key or Authorization entry in the extra headers can replace it.',
      kind: 'secret',
      required: true,
    },
    {
      name: 'deployments',
      label: 'Deployments',
      description: 'Model name → deployment name. A model without an entry is sent as its own deployment name.',
      kind: 'string-map',
    },
    {
      name: 'models',
      label: 'Models',
      description: 'The models this instance serves; empty: the deployments’ model names.',
      kind: 'string-list',
    },
    {
      name: 'surface',
      label: 'API surface',
      description: 'deployments: /openai/deployments/{deployment}/…?api-version=…; v1: /openai/v1/… with the deployment as model.',
      kind: 'choice',
      choices: ['deployments', 'v1'],
      default: 'deployments',
    },
    {
      name: 'apiVersion',
      label: 'API version',
      description: `The api-version query parameter. Unset: ${defaultAzureApiVersion} on the deployments surface, none on v1. Reasoning models need 2024-12-01-preview or the v1 surface.`,
      kind: 'text',
      placeholder: defaultAzureApiVersion,
    },
    {
      name: 'headers',
      label: 'Extra headers',
      description: 'Sent on every request (an API Management subscription key, …).',
      kind: 'string-map',
    },
    nonStreamingFallbackSetting(false),
    ...instanceTimeoutSettings,
  ],
}
