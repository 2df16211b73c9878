import type { InstanceSecrets } from '../providers/provider-definition'
import { createInstanceSecrets } from '../secrets/instance-secrets'
import { createMemorySecretStore } from '../secrets/memory-secret-store'

/** A fresh in-memory secret area for one instance, for tests that create a provider directly. */
export function testInstanceSecrets(instanceId = 'test'): InstanceSecrets {
  return createInstanceSecrets(createMemorySecretStore(), instanceId)
}
