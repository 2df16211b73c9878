import type { z } from 'zod'
import { type GatewayError, invalidRequest } from '../../errors/gateway-error'

type Issue = z.core.$ZodIssue
type PathSegment = PropertyKey

interface Located {
  path: PathSegment[]
  message: string
}

/**
 * A zod failure → a 400 whose message names the field: `messages.3.content.1.type: Invalid …`.
 * For a union ("string or array of parts") it reports the branch that got furthest into the value,
 * which is the one the client meant; when no branch got past the value's type it lists the types.
 */
export function invalidRequestFromZod(error: z.ZodError): GatewayError {
  const located = locate(error.issues[0]!, [])
  const where = located.path.map(String).join('.') || 'body'
  return invalidRequest(`${where}: ${located.message}`)
}

function locate(issue: Issue, base: PathSegment[]): Located {
  const path = [...base, ...issue.path]
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { path, message: issue.message }

  const branches = issue.errors.filter((branch) => branch.length > 0).map((branch) => locate(branch[0]!, path))
  const deepest = branches.reduce((best, branch) => (branch.path.length > best.path.length ? branch : best))
  if (deepest.path.length > path.length) return deepest

  const expected = issue.errors.flatMap((branch) => (branch[0]?.code === 'invalid_type' ? [branch[0].expected] : []))
  if (expected.length === issue.errors.length) {
    const received = /received (\w+)/.exec(issue.errors[0]![0]!.message)?.[1]
    return { path, message: `Invalid input: expected ${expected.join(' or ')}${received ? `, received ${received}` : ''}` }
  }
  return deepest
}
