import type { InstanceSecrets } from '../providers/provider-definition'
import type { SecretStore } from './secret-store'

/** The SecretStore name of one instance's secret: `provider:<instance-id>:<name>`. */
export function instanceSecretName(instanceId: string, name: string): string {
  return `provider:${instanceId}:${name}`
}

/** One instance's view of the SecretStore: it reads and writes only its own names. */
export function createInstanceSecrets(store: SecretStore, instanceId: string): InstanceSecrets {
  return {
    get: (name) => store.get(instanceSecretName(instanceId, name)),
    set: (name, value) => store.set(instanceSecretName(instanceId, name), value),
    delete: (name) => store.delete(instanceSecretName(instanceId, name)),
  }
}
