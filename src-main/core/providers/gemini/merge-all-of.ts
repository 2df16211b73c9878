import type { JsonSchema } from '../../cif'

/**
 * `allOf: [A, B]` folded into its schema (Gemini has no allOf): properties and required lists are
 * united, any other keyword keeps its first value. Exact for the usual "object extends object" use.
 */
export function mergeAllOf(schema: JsonSchema): JsonSchema {
  const { allOf, ...rest } = schema
  if (!Array.isArray(allOf)) return rest
  let merged: JsonSchema = rest
  for (const branch of allOf) {
    if (typeof branch !== 'object' || branch === null || Array.isArray(branch)) continue
    const part = branch as JsonSchema
    const properties = isRecord(merged.properties) || isRecord(part.properties) ? { ...asRecord(part.properties), ...asRecord(merged.properties) } : undefined
    const required = Array.isArray(merged.required) || Array.isArray(part.required) ? [...new Set([...asList(merged.required), ...asList(part.required)])] : undefined
    merged = { ...part, ...merged, ...(properties ? { properties } : {}), ...(required ? { required } : {}) }
  }
  return merged
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {}
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
