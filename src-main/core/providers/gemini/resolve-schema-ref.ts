import type { JsonSchema } from '../../cif'

/**
 * A local `$ref` (`#`, `#/$defs/Name`, `#/definitions/Name`, any `#/…` JSON pointer) → the schema it
 * points at inside `root`; undefined for remote references and pointers that lead nowhere.
 */
export function resolveSchemaRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (ref === '#') return root
  if (!ref.startsWith('#/')) return undefined
  let node: unknown = root
  for (const token of ref.slice(2).split('/')) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~')
    if (typeof node !== 'object' || node === null || !(key in node)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as JsonSchema) : undefined
}
