import { defaultFirstByteTimeoutMs, defaultIdleTimeoutMs } from './http/with-instance-timeouts'
import type { ProviderSettingField } from './provider-settings-descriptor'

/** The non-streaming fallback switch every provider type has; its default and a reason are the type's own. */
export function nonStreamingFallbackSetting(defaultValue: boolean, why = ''): ProviderSettingField {
  return {
    name: 'nonStreamingFallback',
    label: 'Non-streaming fallback',
    description: `Retry a stream that fails before its first byte once without streaming${why ? ` (${why})` : ''}.`,
    kind: 'boolean',
    default: defaultValue,
  }
}

/** The per-instance timeouts every provider type has (providers/http/with-instance-timeouts.ts). */
export const instanceTimeoutSettings: readonly ProviderSettingField[] = [
  {
    name: 'firstByteTimeoutMs',
    label: 'First-byte timeout (ms)',
    description: 'No response headers within this long: the request fails as a retryable 504 and failover moves on. Generous for slow reasoning models.',
    kind: 'number',
    default: defaultFirstByteTimeoutMs,
  },
  {
    name: 'idleTimeoutMs',
    label: 'Idle timeout (ms)',
    description: 'Once the answer has begun, no bytes for this long: the stream ends with the dialect’s error event.',
    kind: 'number',
    default: defaultIdleTimeoutMs,
  },
]
