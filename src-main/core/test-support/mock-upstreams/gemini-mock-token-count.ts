/**
 * Deterministic token counts: about four characters per token of the prompt's JSON (system
 * instruction, contents, tools), at least 1. countTokens and usageMetadata agree for the same prompt.
 */
export function countGeminiMockPromptTokens(body: Record<string, unknown>): number {
  const prompt = JSON.stringify([body.systemInstruction ?? null, body.contents ?? null, body.tools ?? null])
  return Math.max(1, Math.ceil(prompt.length / 4))
}

export function countGeminiMockOutputTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4))
}
