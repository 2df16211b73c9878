import type { ProviderSettingsDescriptor } from '../provider-settings-descriptor'
import { defaultCloudCodeBaseUrl, defaultGoogleAuthUrl, defaultGoogleTokenUrl } from './parse-antigravity-config'
import { instanceTimeoutSettings, nonStreamingFallbackSetting } from '../common-instance-settings'

/** An `antigravity` entry's form. */
export const antigravitySettings: ProviderSettingsDescriptor = {
  fields: [
    {
      name: 'clientId',
      label: 'OAuth client ID',
      description: 'Your own Google OAuth client of type "Desktop app" (Google Cloud console → APIs & Services → Credentials).',
      kind: 'text',
      required: true,
    },
    {
      name: 'clientSecret',
      label: 'OAuth client secret',
      description: 'That client’s secret (or env:VAR).',
      kind: 'secret',
      required: true,
    },
    {
      name: 'project',
      label: 'Google Cloud project',
      description: 'A project with Gemini Code Assist; empty: the one Google assigns the account (found or set up on first use).',
      kind: 'text',
    },
    {
      name: 'baseUrl',
      label: 'Base URL',
      description: 'The Cloud Code assistant host; the gateway appends /v1internal:….',
      kind: 'url',
      default: defaultCloudCodeBaseUrl,
    },
    {
      name: 'authUrl',
      label: 'Authorization URL',
      description: 'Where the browser signs in.',
      kind: 'url',
      default: defaultGoogleAuthUrl,
    },
    {
      name: 'tokenUrl',
      label: 'Token URL',
      description: 'Where codes and refresh tokens are exchanged for access tokens.',
      kind: 'url',
      default: defaultGoogleTokenUrl,
    },
    {
      name: 'models',
      label: 'Models',
      description: 'The models this instance serves; empty: the models the account may use (fetchAvailableModels).',
      kind: 'string-list',
    },
    nonStreamingFallbackSetting(false),
    ...instanceTimeoutSettings,
  ],
}
