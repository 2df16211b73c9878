/**
 * The JSON text a value was parsed from, kept beside it so an unchanged value goes upstream as the very
 * text the client sent instead of being serialised again: JSON.stringify of a 200 KB Claude Code request
 * (tools, system prompt, history) takes 1–2 ms, per request, on the path to the first byte.
 *
 * Only the object that JSON.parse returned is remembered; any changed copy (`{ ...body, model }`) is a new
 * object and is serialised as usual. Whoever remembers a text must not change the object in place.
 */
const texts = new WeakMap<object, string>()

export function rememberJsonText(value: object, text: string): void {
  texts.set(value, text)
}

/** The text `value` was parsed from (see rememberJsonText), else JSON.stringify(value). */
export function toJsonText(value: unknown): string {
  return (typeof value === 'object' && value !== null && texts.get(value)) || JSON.stringify(value)
}

/** `body` naming `model`: the same object (so its remembered text still applies) when it already does, else a copy. */
export function withModel(body: Record<string, unknown>, model: string): Record<string, unknown> {
  return body.model === model ? body : { ...body, model }
}
