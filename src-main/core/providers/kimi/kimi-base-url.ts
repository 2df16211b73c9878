/** `intl`: platform.moonshot.ai / platform.kimi.ai keys; `cn`: platform.moonshot.cn keys. Keys do not cross. */
export type KimiRegion = 'intl' | 'cn'

const hosts: Record<KimiRegion, string> = { intl: 'https://api.moonshot.ai', cn: 'https://api.moonshot.cn' }

/** The Chat Completions root (the adapter appends `/chat/completions`). */
export function kimiChatBaseUrl(region: KimiRegion): string {
  return `${hosts[region]}/v1`
}

/**
 * The Anthropic-compatible root (the Messages API at `…/anthropic/v1/messages`, what Claude Code takes
 * as ANTHROPIC_BASE_URL) next to a chat root ending in `/v1`; undefined when the chat root has another shape.
 */
export function kimiAnthropicBaseUrl(chatBaseUrl: string): string | undefined {
  const match = /^(.*)\/v1\/?$/.exec(chatBaseUrl)
  return match ? `${match[1]}/anthropic` : undefined
}
