import type { CifCacheControl, WarningCollector } from '../../cif'
import type { OpenAiCacheControlMode } from './openai-chat-quirks'
import type { OpenAiCacheMarkerFields } from './openai-chat-request'

export interface OpenAiCacheMarkers {
  /** The fields that carry a breakpoint on a content part; undefined when none is forwarded. */
  fieldsFor(cacheControl: CifCacheControl | undefined): OpenAiCacheMarkerFields | undefined
  /** A breakpoint where the chat wire has no place for one (tool definitions, tool calls, reasoning). */
  unplaceable(cacheControl: CifCacheControl | undefined, where: string): void
}

/** Turns CIF cache breakpoints into the upstream's spelling (see OpenAiCacheControlMode), warning once per kind of loss. */
export function createOpenAiCacheMarkers(mode: OpenAiCacheControlMode, warnings: WarningCollector): OpenAiCacheMarkers {
  const notForwarded = (where: string) =>
    warnings.once(`cache:${where}`, { type: 'unsupported', feature: 'cache_control', details: `prompt-cache breakpoints on ${where} are not forwarded to this upstream` })

  return {
    fieldsFor(cacheControl) {
      if (!cacheControl || mode === 'automatic') return undefined
      if (mode === 'unsupported') {
        notForwarded('content')
        return undefined
      }
      if (mode === 'anthropic-inline') return { cache_control: { type: 'ephemeral', ...(cacheControl.ttl ? { ttl: cacheControl.ttl } : {}) } }
      if (cacheControl.ttl === '1h') {
        warnings.once('cache:ttl', { type: 'unsupported', feature: 'cache_control ttl 1h', details: 'OpenAI prompt-cache breakpoints live 30 minutes' })
      }
      return { prompt_cache_breakpoint: { mode: 'explicit' } }
    },
    unplaceable(cacheControl, where) {
      if (cacheControl && mode !== 'automatic') notForwarded(where)
    },
  }
}
