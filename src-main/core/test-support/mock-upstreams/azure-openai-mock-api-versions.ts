import { openAiMockError, type OpenAiMockError } from './openai-chat-mock-error'

/** Dated inference api-versions the mock serves (GA and the previews of Azure's lifecycle pages). */
export const azureInferenceApiVersions = new Set([
  '2022-12-01', '2023-05-15', '2024-02-01', '2024-06-01', '2024-10-21',
  '2024-08-01-preview', '2024-09-01-preview', '2024-10-01-preview', '2024-12-01-preview',
  '2025-01-01-preview', '2025-02-01-preview', '2025-03-01-preview', '2025-04-01-preview',
])

/** What the v1 surface takes in `api-version`: nothing (GA), or the preview opt-in of its early days. */
export const azureV1ApiVersions = new Set(['v1', 'preview', 'latest'])

/**
 * Parameters newer than the request's api-version. `max_completion_tokens`, `parallel_tool_calls` and
 * `stream_options` came with 2024-09-01-preview ("Changes between 2024-09-01-preview and
 * 2024-08-01-preview"), so the 2024-06-01 GA and older do not know them.
 */
const introducedIn: Record<string, string> = {
  max_completion_tokens: '2024-09-01',
  parallel_tool_calls: '2024-09-01',
  stream_options: '2024-09-01',
}

/** An undated (v1) version knows every parameter. */
export function checkParametersForApiVersion(body: Record<string, unknown>, apiVersion: string | undefined): OpenAiMockError | undefined {
  if (apiVersion === undefined || azureV1ApiVersions.has(apiVersion)) return undefined
  const date = apiVersion.slice(0, 10)
  for (const [name, since] of Object.entries(introducedIn)) {
    if (body[name] != null && date < since) return openAiMockError(400, `Unrecognized request argument supplied: ${name}`)
  }
  return undefined
}
