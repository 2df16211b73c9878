/**
 * A custom (freeform) tool's call arrives as `{input: "<text>"}` (see prepare-anthropic-tools); the
 * canonical call carries the text itself. Anything else is passed on as its JSON text.
 */
export function customToolInput(input: unknown): string {
  const text = (input as { input?: unknown } | null | undefined)?.input
  return typeof text === 'string' ? text : JSON.stringify(input ?? {})
}
