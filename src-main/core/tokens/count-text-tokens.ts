import { countTokens } from 'gpt-tokenizer/encoding/o200k_base'

/** Client text may contain marker strings such as `<|endoftext|>`; they are counted as the plain text they are. */
const plainTextOnly = { disallowedSpecial: new Set<string>() }

/**
 * Tokens in a text under OpenAI's o200k encoding. Claude's own tokenizer is not public; o200k is a close
 * stand-in for English and code (Claude usually counts a little more).
 */
export function countTextTokens(text: string): number {
  return text === '' ? 0 : countTokens(text, plainTextOnly)
}
