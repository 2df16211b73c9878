import { anthropicProviderDefinition } from './anthropic'
import { antigravityProviderDefinition } from './antigravity'
import { azureOpenAiProviderDefinition } from './azure-openai'
import { dashScopeProviderDefinition } from './dashscope'
import { geminiProviderDefinition } from './gemini'
import { githubCopilotProviderDefinition } from './github-copilot'
import { kimiProviderDefinition } from './kimi'
import { openAiCompatibleProviderDefinition } from './openai-compatible'
import type { ProviderDefinition } from './provider-definition'

/** Every provider type, one line each. Adding a provider is a folder under providers/ plus a line here. */
export const providerDefinitions: readonly ProviderDefinition[] = [
  openAiCompatibleProviderDefinition,
  anthropicProviderDefinition,
  azureOpenAiProviderDefinition,
  dashScopeProviderDefinition,
  geminiProviderDefinition,
  kimiProviderDefinition,
  githubCopilotProviderDefinition,
  antigravityProviderDefinition,
]
