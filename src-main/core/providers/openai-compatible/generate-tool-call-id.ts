import { randomBytes } from 'node:crypto'

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** An OpenAI-looking tool call id (`call_` + 24 characters), for upstreams that send none. */
export function generateToolCallId(): string {
  return `call_${[...randomBytes(24)].map((byte) => alphabet[byte % alphabet.length]).join('')}`
}
