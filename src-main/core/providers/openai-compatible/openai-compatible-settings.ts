import type { ProviderSettingsDescriptor } from '../provider-settings-descriptor'
import { defaultOpenAiBaseUrl } from './parse-openai-compatible-config'
import { instanceTimeoutSettings, nonStreamingFallbackSetting } from '../common-instance-settings'

/** An `openai-compatible` entry's form. The quirk switches without a default are chosen by host (api.openai.com or not). */
export const openAiCompatibleSettings: ProviderSettingsDescriptor = {
  fields: [
    {
      name: 'baseUrl',
      label: 'Base URL',
      description: 'The API root including /v1, as OPENAI_BASE_URL (Ollama: http://127.0.0.1:11434/v1).',
      kind: 'url',
      default: defaultOpenAiBaseUrl,
    },
    {
      name: 'apiKey',
      label: 'API key',
      description: 'Sent as Authorization: Bearer. Leave empty for local servers that take no key.',
      kind: 'secret',
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
      name: 'maxTokensField',
      label: 'Max tokens field',
      description: 'The body field the output limit is sent in. Unset: max_completion_tokens on api.openai.com, else max_tokens.',
      kind: 'choice',
      choices: ['max_tokens', 'max_completion_tokens'],
    },
    {
      name: 'systemMessageRole',
      label: 'System message role',
      description: 'The role system prompts are sent with.',
      kind: 'choice',
      choices: ['system', 'developer'],
      default: 'system',
    },
    {
      name: 'reasoningReplayField',
      label: 'Reasoning replay field',
      description: 'The assistant-message field reasoning is sent back in (DeepSeek-style upstreams). Unset: not sent back, with a warning.',
      kind: 'choice',
      choices: ['reasoning_content', 'reasoning'],
    },
    {
      name: 'cacheControl',
      label: 'Prompt-cache breakpoints',
      description:
        'How cache_control reaches the upstream: unsupported (dropped with a warning), automatic (the upstream caches by itself), openai-breakpoint, anthropic-inline. Unset: automatic on api.openai.com, else unsupported.',
      kind: 'choice',
      choices: ['unsupported', 'automatic', 'openai-breakpoint', 'anthropic-inline'],
    },
    {
      name: 'customTools',
      label: 'Custom (freeform) tools',
      description: 'native: chat custom tools; function: a function tool taking {input}. Unset: native on api.openai.com, else function.',
      kind: 'choice',
      choices: ['native', 'function'],
    },
    {
      name: 'documentInput',
      label: 'Document input',
      description: 'The upstream takes file content parts (PDFs). Unset: on for api.openai.com, else off.',
      kind: 'boolean',
    },
    {
      name: 'topK',
      label: 'Send top_k',
      description: 'The upstream takes top_k (vLLM, llama.cpp, LM Studio); otherwise top-k is dropped with a warning.',
      kind: 'boolean',
      default: false,
    },
    {
      name: 'streamUsage',
      label: 'Usage in streams',
      description: 'Ask for a usage chunk with stream_options.include_usage when streaming.',
      kind: 'boolean',
      default: true,
    },
    {
      name: 'upstreamStreaming',
      label: 'Stream upstream',
      description: 'Off: never stream upstream; streaming clients get the non-streaming answer replayed as a stream.',
      kind: 'boolean',
      default: true,
    },
    nonStreamingFallbackSetting(false),
    ...instanceTimeoutSettings,
  ],
}
