import { AnthropicMockError, rejectRequest } from './anthropic-mock-error'

/** The models the mock lists unless a test names its own. */
export const defaultMockModels = ['mock-claude', 'claude-opus-4-8', 'claude-sonnet-4-5', 'claude-haiku-4-5']

export function mockModelInfo(id: string, position: number): Record<string, unknown> {
  const created = new Date(Date.UTC(2025, 0, 1) - position * 86_400_000).toISOString()
  return { type: 'model', id, display_name: id.replace(/-/g, ' '), created_at: created, max_input_tokens: 200_000, max_tokens: 64_000 }
}

/** GET /v1/models: newest first, `limit` (1–1000, default 20), `after_id` / `before_id` cursors. */
export function mockModelPage(models: string[], query: URLSearchParams): Record<string, unknown> {
  const limitText = query.get('limit')
  const limit = limitText === null ? 20 : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1) rejectRequest('limit: Input should be greater than or equal to 1')
  if (limit > 1000) rejectRequest('limit: Input should be less than or equal to 1000')
  const afterId = query.get('after_id')
  const beforeId = query.get('before_id')
  let start = 0
  let end = models.length
  if (afterId !== null) start = cursorIndex(models, afterId) + 1
  if (beforeId !== null) end = cursorIndex(models, beforeId)
  const selected = beforeId !== null && afterId === null ? models.slice(Math.max(0, end - limit), end) : models.slice(start, Math.min(end, start + limit))
  const first = models.indexOf(selected[0] ?? '')
  const data = selected.map((id, index) => mockModelInfo(id, first + index))
  const hasMore = beforeId !== null && afterId === null ? first > 0 : start + selected.length < end
  return { data, has_more: hasMore, first_id: selected[0] ?? null, last_id: selected[selected.length - 1] ?? null }
}

function cursorIndex(models: string[], id: string): number {
  const index = models.indexOf(id)
  if (index === -1) throw new AnthropicMockError(400, 'invalid_request_error', `Invalid cursor: model ${id} not found`)
  return index
}
