import type { z } from 'zod'
import { invalidRequest, type GatewayError } from '../../errors/gateway-error'

type Issue = z.core.$ZodIssue

const maxReported = 3

function label(path: PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : '(body)'
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined
  return value
}

/**
 * Of the branches of a failed union (zod lists them all only when each failed hard), the one the input was
 * meant for: the first whose very type was not wrong (an array where a string or an array was allowed).
 */
function likeliestBranch(branches: Issue[][]): Issue[] {
  return branches.find((issues) => !issues.some((issue) => issue.path.length === 0 && issue.code === 'invalid_type')) ?? branches[0]!
}

function describe(issue: Issue, prefix: PropertyKey[], input: unknown): string[] {
  const path = [...prefix, ...issue.path]
  if (issue.code === 'invalid_union' && issue.errors.length > 0) return likeliestBranch(issue.errors).flatMap((inner) => describe(inner, path, input))
  if (issue.code === 'invalid_union' && 'options' in issue && issue.discriminator !== undefined) {
    const value = valueAt(input, path)
    const expected = `(expected one of ${(issue.options ?? []).map((option) => JSON.stringify(option)).join(', ')})`
    return [`${label(path)}: ${value === undefined ? 'required' : `unknown ${issue.discriminator} ${JSON.stringify(value)}`} ${expected}`]
  }
  return [`${label(path)}: ${issue.message}`]
}

/** A zod failure on client input → a 400 whose message names each field by path (`messages.3.content.1.type: …`). */
export function invalidRequestFromZodError(error: z.ZodError, input: unknown): GatewayError {
  const problems = error.issues.flatMap((issue) => describe(issue, [], input))
  const more = problems.length > maxReported ? ` (and ${problems.length - maxReported} more)` : ''
  return invalidRequest(problems.slice(0, maxReported).join('; ') + more, 'invalid_request_error', error)
}
