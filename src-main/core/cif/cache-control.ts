/** An Anthropic-style prompt-cache breakpoint. `ttl` absent means the provider default (5m). */
export interface CifCacheControl {
  type: 'ephemeral'
  ttl?: '5m' | '1h'
}
