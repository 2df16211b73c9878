/**
 * The JSON object or array at the start of `text` (the arguments after `TOOLCALL:<name>:`), found by
 * matching brackets outside strings; undefined when there is none or it does not parse.
 */
export function readJsonPrefix(text: string): string | undefined {
  const open = text[0]
  if (open !== '{' && open !== '[') return undefined
  let depth = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (inString) {
      if (character === '\\') index++
      else if (character === '"') inString = false
    } else if (character === '"') inString = true
    else if (character === '{' || character === '[') depth++
    else if (character === '}' || character === ']') {
      depth--
      if (depth === 0) {
        const candidate = text.slice(0, index + 1)
        try {
          JSON.parse(candidate)
          return candidate
        } catch {
          return undefined
        }
      }
    }
  }
  return undefined
}
