/** What a model name tells about the API's rules for it. */
export interface GeminiModelTraits {
  /**
   * Gemini 3 and later reject a replayed functionCall of the current turn that lacks its thought
   * signature, and read images and PDFs inside a functionResponse (`functionResponse.parts`).
   */
  generation3OrLater: boolean
}

/** `gemini-3-pro-preview`, `models/gemini-3.5-flash` → generation 3; unknown names count as older. */
export function geminiModelTraits(model: string): GeminiModelTraits {
  const generation = /(?:^|\/)gemini-(\d+)/.exec(model)?.[1]
  return { generation3OrLater: generation !== undefined && Number(generation) >= 3 }
}
