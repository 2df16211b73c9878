import type { CifRequest } from '../../cif'

/** A coding agent's housekeeping call that a small model serves as well as the main one. */
export type SideCall = 'warm-up' | 'title' | 'compaction'

const compactionPrompt = /create a detailed summary of the conversation so far/i
const titlePrompts = [/generate a concise, sentence-case title/i, /you are a title generator/i]

function textOf(parts: ReadonlyArray<{ type: string; text?: string }>): string {
  return parts.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('\n')
}

/**
 * Claude Code's (and OpenCode's) side calls, as the captured requests show them:
 * - title: no tools, a structured-output schema with only a `title` property (Claude Code), or a
 *   "title generator" system prompt (OpenCode);
 * - compaction: the last user turn carries the compaction prompt ("create a detailed summary of the
 *   conversation so far"), tools still attached;
 * - warm-up: a lone user turn saying `Warmup` (Claude Code's sub-agent preload).
 */
export function classifySideCall(request: CifRequest): SideCall | undefined {
  const noTools = (request.tools ?? []).length === 0
  const schema = request.responseFormat?.type === 'json-schema' ? request.responseFormat.schema : undefined
  const properties = schema && typeof schema.properties === 'object' && schema.properties !== null ? Object.keys(schema.properties) : []
  if (noTools && properties.length === 1 && properties[0] === 'title') return 'title'
  const system = textOf(request.system) + request.messages.map((message) => (message.role === 'system' ? textOf(message.content) : '')).join('\n')
  if (noTools && titlePrompts.some((prompt) => prompt.test(system))) return 'title'

  const turns = request.messages.filter((message) => message.role !== 'system')
  const last = turns.at(-1)
  if (last?.role !== 'user') return undefined
  const lastText = textOf(last.content)
  if (compactionPrompt.test(lastText)) return 'compaction'
  if (turns.length === 1 && lastText.trim() === 'Warmup') return 'warm-up'
  return undefined
}
