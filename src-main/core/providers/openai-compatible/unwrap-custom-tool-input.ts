/**
 * The freeform input of a custom tool that travelled as a function tool: its arguments are
 * `{"input": "…"}`. Anything else (the model ignored the schema) is passed on as the raw text.
 */
export function unwrapCustomToolInput(argumentsText: string): string {
  try {
    const parsed: unknown = JSON.parse(argumentsText)
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { input?: unknown }).input === 'string') return (parsed as { input: string }).input
  } catch {
    // not JSON: the raw text is the best we have
  }
  return argumentsText
}
