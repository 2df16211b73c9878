/**
 * What the adapter must know about a Claude model to build a valid request, read from its name
 * (`claude-3-5-sonnet-…`, `claude-sonnet-4-5-…`, `claude-opus-4-8`). Unknown names (proxies, local
 * servers speaking the Messages API) get no traits, and the adapter uses its documented fallbacks.
 */
export interface AnthropicModelTraits {
  /** The model's largest `max_tokens`, when known. */
  maxOutputTokens?: number
  /** Claude 4.7 and later reject manual thinking (`type: 'enabled'`): adaptive only. */
  adaptiveThinkingOnly: boolean
}

export function anthropicModelTraits(model: string): AnthropicModelTraits {
  const version = parseClaudeVersion(model)
  if (!version) return { adaptiveThinkingOnly: false }
  const { family, major, minor } = version
  // A preview name without a number (claude-mythos-preview) is a current model.
  if (major === undefined) return { maxOutputTokens: 64_000, adaptiveThinkingOnly: true }
  const adaptiveThinkingOnly = major > 4 || (major === 4 && minor >= 7)
  if (major === 3) return { maxOutputTokens: minor === 7 ? 64_000 : minor === 5 ? 8192 : 4096, adaptiveThinkingOnly }
  if (family === 'opus' && major === 4 && minor <= 1) return { maxOutputTokens: 32_000, adaptiveThinkingOnly }
  return { maxOutputTokens: 64_000, adaptiveThinkingOnly }
}

function parseClaudeVersion(model: string): { family: string; major?: number; minor: number } | undefined {
  const name = model.toLowerCase()
  const numberFirst = /claude-(\d)(?:-(\d))?-(opus|sonnet|haiku)/.exec(name)
  if (numberFirst) return { family: numberFirst[3]!, major: Number(numberFirst[1]), minor: Number(numberFirst[2] ?? 0) }
  // claude-sonnet-4-5-20250929: the 8-digit date is not a minor version.
  const familyFirst = /claude-(opus|sonnet|haiku|fable|mythos)(?:-(\d{1,2})(?!\d)(?:-(\d{1,2})(?!\d))?)?/.exec(name)
  if (!familyFirst) return undefined
  return { family: familyFirst[1]!, major: familyFirst[2] === undefined ? undefined : Number(familyFirst[2]), minor: Number(familyFirst[3] ?? 0) }
}
