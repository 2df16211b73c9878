import { defaultFirstByteTimeoutMs, defaultIdleTimeoutMs } from './http/with-instance-timeouts'
import type { ProviderSettingField } from './provider-settings-descriptor'

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
