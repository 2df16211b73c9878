/**
 * Deterministic token counts: about four characters per token of the prompt's JSON (system, messages,
 * tools), at least 1. count_tokens and message usage agree for the same prompt.
 */
export function countMockInputTokens(body: Record<string, unknown>): number {
  const prompt = JSON.stringify([body.system ?? null, body.messages ?? null, body.tools ?? null])
  return Math.max(1, Math.ceil(prompt.length / 4))
}

export function countMockOutputTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4))
}
