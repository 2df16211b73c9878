import type { VirtualModelConfig } from '../config/gateway-config-schema'

export type VirtualUpstream = VirtualModelConfig['upstreams'][number]

/** What a selection draws on, injected so tests can fix it: a [0, 1) random source and the round-robin turns. */
export interface SelectionSources {
  random(): number
  /** The 0-based turn for this virtual model; each call advances it. */
  nextTurn(virtualModelId: string): number
}

/**
 * A virtual model's upstreams in the order to try them. The strategy picks the first — round-robin: the
 * next one in listed order on every call; random: uniformly; priority: the lowest `priority` number (ties
 * in listed order); weighted: in proportion to `weight` (default 1). The others follow as failover
 * candidates, lowest `priority` first, ties in listed order (a missing `priority` counts as 0).
 */
export function selectCandidates(virtualModel: VirtualModelConfig, sources: SelectionSources): VirtualUpstream[] {
  const { upstreams } = virtualModel
  const failoverOrder = upstreams
    .map((upstream, index) => ({ upstream, index }))
    .sort((a, b) => (a.upstream.priority ?? 0) - (b.upstream.priority ?? 0) || a.index - b.index)
  const firstIndex = pickFirst(virtualModel, sources, failoverOrder[0]!.index)
  return [upstreams[firstIndex]!, ...failoverOrder.filter(({ index }) => index !== firstIndex).map(({ upstream }) => upstream)]
}

function pickFirst(virtualModel: VirtualModelConfig, sources: SelectionSources, highestPriority: number): number {
  const count = virtualModel.upstreams.length
  switch (virtualModel.strategy) {
    case 'round-robin':
      return sources.nextTurn(virtualModel.id) % count
    case 'random':
      return Math.min(Math.floor(sources.random() * count), count - 1)
    case 'priority':
      return highestPriority
    case 'weighted':
      return pickWeighted(virtualModel.upstreams, sources.random())
  }
}

/** The index whose share of the total weight covers `draw` (in [0, 1)). */
function pickWeighted(upstreams: VirtualUpstream[], draw: number): number {
  const weights = upstreams.map((upstream) => upstream.weight ?? 1)
  let remaining = draw * weights.reduce((sum, weight) => sum + weight, 0)
  for (const [index, weight] of weights.entries()) {
    if (remaining < weight) return index
    remaining -= weight
  }
  return upstreams.length - 1
}
