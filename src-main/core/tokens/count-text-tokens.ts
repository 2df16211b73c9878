import { createRequire } from 'node:module'

type CountTokens = (text: string, options: { disallowedSpecial: Set<string> }) => number

// Loaded on first use: the o200k tables cost ~70 MB of RSS, and a gateway that never counts (OpenAI
// clients only, passthrough) should not carry them. The first count pays the load (0.3–0.6 s here), once.
const requireModule = createRequire(import.meta.url)
let countTokens: CountTokens | undefined
function tokenizer(): CountTokens {
  return (countTokens ??= (requireModule('gpt-tokenizer/encoding/o200k_base') as { countTokens: CountTokens }).countTokens)
}

/** Client text may contain marker strings such as `<|endoftext|>`; they are counted as the plain text they are. */
const plainTextOnly = { disallowedSpecial: new Set<string>() }

/**
 * Tokens in a text under OpenAI's o200k encoding. Claude's own tokenizer is not public; o200k is a close
 * stand-in for English and code (Claude usually counts a little more).
 */
export function countTextTokens(text: string): number {
  return text === '' ? 0 : tokenizer()(text, plainTextOnly)
}
