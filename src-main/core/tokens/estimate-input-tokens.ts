import type { CifDocumentPart, CifMessage, CifRequest, CifTool, CifToolResultContent, CifUserPart } from '../cif'
import { countTextTokens } from './count-text-tokens'
import { estimateDocumentPages } from './estimate-document-pages'

/**
 * Fixed costs, from Anthropic's documentation where it gives them:
 * - an image costs about width × height / 750 tokens and is scaled down to at most ~1.15 megapixels, so a
 *   full-size image is ~1,600 tokens; without decoding it we charge every image that cap;
 * - a PDF page is its text plus an image of the page: ~2,000 tokens a page is a fair middle;
 * - declaring tools adds a tool-use system prompt of ~346 tokens; a server tool adds its own instructions
 *   (bash ~245, text editor ~700, web search more): ~300 each beyond its definition;
 * - each turn, tool call and tool result has a few tokens of framing.
 */
export const imageTokens = 1_600
export const documentPageTokens = 2_000
export const toolsPromptTokens = 346
export const builtinToolTokens = 300
export const turnOverheadTokens = 4
export const toolEntryOverheadTokens = 8

function documentTokens(part: CifDocumentPart): number {
  const framing = toolEntryOverheadTokens + countTextTokens(part.title ?? '') + countTextTokens(part.context ?? '')
  if (part.source.type === 'text') return framing + countTextTokens(part.source.text)
  if (part.source.type === 'base64') return framing + documentPageTokens * estimateDocumentPages(part.source.data)
  return framing + documentPageTokens
}

function partTokens(part: CifUserPart | CifToolResultContent): number {
  if (part.type === 'text') return countTextTokens(part.text)
  if (part.type === 'image') return imageTokens
  return documentTokens(part)
}

function messageTokens(message: CifMessage): number {
  let tokens = turnOverheadTokens
  for (const part of message.content) {
    switch (part.type) {
      case 'reasoning':
        tokens += countTextTokens(part.text)
        break
      case 'tool-call':
        tokens += toolEntryOverheadTokens + countTextTokens(part.toolName) + countTextTokens(part.input)
        break
      case 'tool-result':
        tokens += toolEntryOverheadTokens + part.content.reduce((sum, inner) => sum + partTokens(inner), 0)
        break
      default:
        tokens += partTokens(part)
    }
  }
  return tokens
}

function toolTokens(tool: CifTool): number {
  if (tool.type === 'builtin') return builtinToolTokens + countTextTokens(JSON.stringify(tool.raw))
  const definition = tool.type === 'function' ? JSON.stringify(tool.inputSchema) : JSON.stringify(tool.format ?? {})
  return toolEntryOverheadTokens + countTextTokens(tool.name) + countTextTokens(tool.description ?? '') + countTextTokens(definition)
}

/**
 * A local count of a request's prompt tokens (system, every turn, reasoning text, tool calls and results,
 * tool definitions), for when the upstream has no counting API and for early usage in streams. It is an
 * estimate: o200k tokens plus the fixed costs above.
 */
export function estimateInputTokens(request: CifRequest): number {
  const systemTokens = request.system.reduce((sum, part) => sum + countTextTokens(part.text), 0)
  let tokens = request.system.length > 0 ? turnOverheadTokens + systemTokens : 0
  for (const message of request.messages) tokens += messageTokens(message)
  if (request.tools && request.tools.length > 0) tokens += toolsPromptTokens + request.tools.reduce((sum, tool) => sum + toolTokens(tool), 0)
  return tokens
}
