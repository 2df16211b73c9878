import { anthropicSseEvent, type AnthropicStreamEvent } from './anthropic-sse-event'

export interface BlockOpening {
  /** The `content_block` of content_block_start. */
  contentBlock: Record<string, unknown>
  /** Deltas to send right before content_block_stop (a signature, the end of a wrapped input). */
  closingDeltas?: () => AnthropicStreamEvent[]
}

interface SequencedBlock extends BlockOpening {
  index?: number
  ended: boolean
  pending: AnthropicStreamEvent[]
}

export interface AnthropicBlockSequencer {
  isOpen(id: string): boolean
  open(id: string, opening: BlockOpening): string
  delta(id: string, delta: AnthropicStreamEvent): string
  close(id: string): string
  closeAll(): string
}

/**
 * Turns CIF blocks, which may interleave by id (parallel tool calls), into Anthropic's block grammar:
 * one block at a time, start → deltas → stop, indexes 0, 1, 2 … in order of appearance. The first open
 * block streams live; a block opened while another is live is held (its deltas queued) and sent whole, in
 * order, once the blocks before it have stopped. So every delta reaches the index of its own block.
 */
export function createAnthropicBlockSequencer(): AnthropicBlockSequencer {
  const openBlocks = new Map<string, SequencedBlock>()
  const queue: SequencedBlock[] = []
  let nextIndex = 0

  function deltaEvent(index: number, delta: AnthropicStreamEvent): string {
    return anthropicSseEvent({ type: 'content_block_delta', index, delta })
  }

  function activate(block: SequencedBlock): string {
    const index = nextIndex++
    block.index = index
    let text = anthropicSseEvent({ type: 'content_block_start', index, content_block: block.contentBlock })
    for (const delta of block.pending) text += deltaEvent(index, delta)
    block.pending = []
    return block.ended ? text + stop(block) : text
  }

  /** Stops the live block (the head of the queue) and brings the next one live. */
  function stop(block: SequencedBlock): string {
    const index = block.index!
    let text = ''
    for (const delta of block.closingDeltas?.() ?? []) text += deltaEvent(index, delta)
    text += anthropicSseEvent({ type: 'content_block_stop', index })
    queue.shift()
    return queue[0] ? text + activate(queue[0]) : text
  }

  return {
    isOpen: (id) => openBlocks.has(id),
    open(id, opening) {
      if (openBlocks.has(id)) return ''
      const block: SequencedBlock = { ...opening, ended: false, pending: [] }
      openBlocks.set(id, block)
      queue.push(block)
      return queue.length === 1 ? activate(block) : ''
    },
    delta(id, delta) {
      const block = openBlocks.get(id)
      if (!block) return ''
      if (block.index === undefined) {
        block.pending.push(delta)
        return ''
      }
      return deltaEvent(block.index, delta)
    },
    close(id) {
      const block = openBlocks.get(id)
      if (!block) return ''
      openBlocks.delete(id)
      block.ended = true
      return block === queue[0] ? stop(block) : ''
    },
    closeAll() {
      for (const block of openBlocks.values()) block.ended = true
      openBlocks.clear()
      return queue[0] ? stop(queue[0]) : ''
    },
  }
}
