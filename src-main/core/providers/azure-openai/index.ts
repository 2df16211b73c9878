import type { ProviderDefinition } from '../provider-definition'
import { createAzureOpenAiProvider } from './azure-openai-provider'
import { parseAzureOpenAiConfig } from './parse-azure-openai-config'
import { azureOpenAiSettings } from './azure-openai-settings'

/** Azure OpenAI (`type: "azure-openai"`): Chat Completions and embeddings on a resource's deployments or its v1 API. */
export const azureOpenAiProviderDefinition: ProviderDefinition = {
  type: 'azure-openai',
  label: 'Azure OpenAI',
  create: (context) => createAzureOpenAiProvider(parseAzureOpenAiConfig(context.config), context),
  settings: azureOpenAiSettings,
}

export { createAzureOpenAiProvider } from './azure-openai-provider'
export { azureOpenAiChatQuirks, resolveAzureOpenAiChatQuirks } from './azure-openai-quirks'
export { azureOpenAiUrl } from './azure-openai-url'
export { defaultAzureApiVersion, parseAzureOpenAiConfig, type AzureOpenAiProviderConfig, type AzureOpenAiSurface } from './parse-azure-openai-config'
