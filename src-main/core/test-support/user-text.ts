import type { CifMessage } from '../cif'

/** For tests: a user message of one text part. */
export function userText(text: string): CifMessage {
  return { role: 'user', content: [{ type: 'text', text }] }
}
