/** Per-virtual-model turn counters for round-robin, kept in memory (they restart at 0 with the gateway). */
export function createRoundRobinTurns(): (virtualModelId: string) => number {
  const turns = new Map<string, number>()
  return (virtualModelId) => {
    const turn = turns.get(virtualModelId) ?? 0
    turns.set(virtualModelId, turn + 1)
    return turn
  }
}
