import type { z } from 'zod'
import { invalidRequest, type GatewayError } from '../../errors/gateway-error'

export type FieldPath = ReadonlyArray<string | number>

/** A 400 naming the field it is about: `input.3.content.1.type: …`. */
export function invalidField(path: FieldPath, message: string): GatewayError {
  return invalidRequest(path.length > 0 ? `${path.join('.')}: ${message}` : message)
}

/** Validates one part of the client's body against `schema`; the first problem becomes a path-qualified 400. */
export function parseField<Schema extends z.ZodType>(schema: Schema, value: unknown, path: FieldPath): z.infer<Schema> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = mostSpecificIssue(result.error.issues)
  throw invalidField([...path, ...issue.path.map(pathSegment)], issue.message)
}

/** For a failed union, the branch that got furthest names the real problem better than "Invalid input". */
function mostSpecificIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const first = issues[0]!
  if (first.code !== 'invalid_union' || first.errors.length === 0) return first
  const candidates = first.errors.map((branch) => mostSpecificIssue(branch))
  const wrongTypes = candidates.filter((candidate) => candidate.code === 'invalid_type' && candidate.path.length === 0)
  if (wrongTypes.length === candidates.length) {
    // No branch got past the value's own type (`string | array`): name all the types it could have been.
    const expected = wrongTypes.map((candidate) => (candidate.code === 'invalid_type' ? candidate.expected : '')).join(' or ')
    return { ...first, message: wrongTypes[0]!.message.replace(/expected \w+/, `expected ${expected}`) }
  }
  const deepest = candidates.reduce((best, candidate) => (candidate.path.length > best.path.length ? candidate : best))
  return { ...deepest, path: [...first.path, ...deepest.path] }
}

function pathSegment(segment: PropertyKey): string | number {
  return typeof segment === 'symbol' ? String(segment) : segment
}
