import { isJsonObject, type JsonObject } from './anthropic-mock-checks'

export interface MockLastUserTurn {
  /** All text of the last user message: its text blocks and the text inside its tool results. */
  text: string
  /** The text of its tool results, when the last turn answers tool calls. */
  toolResultText?: string
}

/** Reads the last `user` message, where the shared mock-upstream markers live. */
export function readMockLastUserTurn(messages: unknown[]): MockLastUserTurn {
  const last = [...messages].reverse().find((message) => isJsonObject(message) && message.role === 'user') as JsonObject | undefined
  const blocks = contentBlocks(last?.content)
  const results = blocks.filter((block) => block.type === 'tool_result')
  const resultTexts = results.map((block) => textOf(contentBlocks(block.content)))
  const text = [textOf(blocks), ...resultTexts].filter(Boolean).join('\n')
  return results.length > 0 ? { text, toolResultText: resultTexts.join('\n') } : { text }
}

/** Images anywhere in the conversation, tool results included. */
export function countMockImages(messages: unknown[]): number {
  const count = (blocks: JsonObject[]): number =>
    blocks.reduce((total, block) => total + (block.type === 'image' ? 1 : block.type === 'tool_result' ? count(contentBlocks(block.content)) : 0), 0)
  return messages.reduce<number>((total, message) => total + (isJsonObject(message) ? count(contentBlocks(message.content)) : 0), 0)
}

function contentBlocks(content: unknown): JsonObject[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  return Array.isArray(content) ? content.filter(isJsonObject) : []
}

function textOf(blocks: JsonObject[]): string {
  return blocks
    .filter((block) => block.type === 'text')
    .map((block) => block.text as string)
    .join('\n')
}
