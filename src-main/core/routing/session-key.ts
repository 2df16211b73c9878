/** Request headers (lower-case names) that carry a client's session id, in order of precedence. */
const sessionHeaders = ['x-claude-code-session-id', 'session-id', 'x-session-affinity', 'x-session-id']

/**
 * The session a request belongs to, scoped by the client-facing model name (a session that uses two models
 * keeps two affinities), or undefined when the request names none. Sources, first found wins: the headers
 * `x-claude-code-session-id` (Claude Code), `session-id` (Codex), `x-session-affinity` / `x-session-id`
 * (OpenCode), then the body's `prompt_cache_key` (OpenAI/Codex) and the `session_id` inside Anthropic
 * `metadata.user_id` (Claude Code sends a JSON-encoded `{"device_id":…,"session_id":…}`).
 */
export function sessionKey(request: { model: string; headers: Record<string, string>; body: Record<string, unknown> }): string | undefined {
  const sessionId = fromHeaders(request.headers) ?? nonEmpty(request.body.prompt_cache_key) ?? fromAnthropicUserId(request.body.metadata)
  return sessionId === undefined ? undefined : `${request.model}\n${sessionId}`
}

function fromHeaders(headers: Record<string, string>): string | undefined {
  for (const name of sessionHeaders) {
    const value = nonEmpty(headers[name])
    if (value !== undefined) return value
  }
  return undefined
}

/** `metadata.user_id` as Claude Code sends it: a JSON object, encoded as a string, with a `session_id`. */
function fromAnthropicUserId(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined
  const userId = (metadata as { user_id?: unknown }).user_id
  if (typeof userId !== 'string' || !userId.trimStart().startsWith('{')) return undefined
  try {
    const parsed: unknown = JSON.parse(userId)
    return typeof parsed === 'object' && parsed !== null ? nonEmpty((parsed as { session_id?: unknown }).session_id) : undefined
  } catch {
    return undefined
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}
