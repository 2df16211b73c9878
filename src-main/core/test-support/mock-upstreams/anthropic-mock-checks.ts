import { rejectRequest } from './anthropic-mock-error'

/** Small validators that word their errors like the real API (pydantic paths: `messages.0.content.1.text`). */

export type JsonObject = Record<string, unknown>

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function joinPath(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`
}

/** "<path>.<field>: Extra inputs are not permitted" for the first field outside `allowed`. */
export function rejectExtraFields(object: JsonObject, allowed: Iterable<string>, path: string): void {
  const known = new Set(allowed)
  for (const field of Object.keys(object)) if (!known.has(field)) rejectRequest(`${joinPath(path, field)}: Extra inputs are not permitted`)
}

export function requireObject(value: unknown, path: string): JsonObject {
  if (value === undefined) rejectRequest(`${path}: Field required`)
  if (!isJsonObject(value)) rejectRequest(`${path}: Input should be a valid dictionary`)
  return value
}

export function requireString(object: JsonObject, field: string, path: string): string {
  const value = object[field]
  if (value === undefined) rejectRequest(`${joinPath(path, field)}: Field required`)
  if (typeof value !== 'string') rejectRequest(`${joinPath(path, field)}: Input should be a valid string`)
  return value
}

export function optionalString(object: JsonObject, field: string, path: string): string | undefined {
  if (object[field] === undefined || object[field] === null) return undefined
  return requireString(object, field, path)
}

export function optionalBoolean(object: JsonObject, field: string, path: string): boolean | undefined {
  const value = object[field]
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') rejectRequest(`${joinPath(path, field)}: Input should be a valid boolean`)
  return value
}

export function optionalNumber(object: JsonObject, field: string, path: string, range: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
  const value = object[field]
  if (value === undefined) return undefined
  const at = joinPath(path, field)
  if (typeof value !== 'number' || Number.isNaN(value)) rejectRequest(`${at}: Input should be a valid ${range.integer ? 'integer' : 'number'}`)
  if (range.integer && !Number.isInteger(value)) rejectRequest(`${at}: Input should be a valid integer`)
  if (range.min !== undefined && value < range.min) rejectRequest(`${at}: Input should be greater than or equal to ${range.min}`)
  if (range.max !== undefined && value > range.max) rejectRequest(`${at}: Input should be less than or equal to ${range.max}`)
  return value
}

export function requireOneOf<T extends string>(object: JsonObject, field: string, path: string, values: readonly T[]): T {
  const value = object[field]
  if (value === undefined) rejectRequest(`${joinPath(path, field)}: Field required`)
  if (!values.includes(value as T)) rejectRequest(`${joinPath(path, field)}: Input should be ${values.map((item) => `'${item}'`).join(', ').replace(/, ([^,]*)$/, ' or $1')}`)
  return value as T
}
