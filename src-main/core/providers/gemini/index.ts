import type { ProviderDefinition } from '../provider-definition'
import { createGeminiProvider } from './gemini-provider'
import { geminiSettings } from './gemini-settings'

/** The native Google Gemini API (`type: "gemini"` in the config file). */
export const geminiProviderDefinition: ProviderDefinition = {
  type: 'gemini',
  label: 'Google Gemini',
  create: createGeminiProvider,
  settings: geminiSettings,
}
