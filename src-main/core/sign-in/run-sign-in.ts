import { StartupError } from '../errors/startup-error'
import { openProviderHost, type OpenProviderHostOptions } from '../host/open-provider-host'
import type { SignInProgress } from '../providers/provider-definition'
import { createInstanceSecrets } from '../secrets/instance-secrets'
import type { SecretStoreKind } from '../secrets/secret-store'

export interface RunSignInOptions extends OpenProviderHostOptions {
  /** The provider type (`omnillm auth <type>`). */
  type: string
  /** `--id`: the instance; else the first instance of the type in the config file. */
  instanceId?: string
  progress(update: SignInProgress): void
  signal?: AbortSignal
}

export interface RunSignInResult {
  instanceId: string
  account?: string
  secretStore: SecretStoreKind
}

/**
 * `omnillm auth <type>`: runs the type's interactive sign-in for one configured instance in the
 * foreground and stores what it obtains in the instance's area of the secret store `omnillm start` uses.
 */
export async function runSignIn(options: RunSignInOptions): Promise<RunSignInResult> {
  const host = await openProviderHost(options)
  try {
    const { config, definition, http } = host.instance({ type: options.type, ...(options.instanceId !== undefined ? { id: options.instanceId } : {}) })
    if (!definition.signIn) {
      const types = host.definitions.filter((candidate) => candidate.signIn).map((candidate) => candidate.type)
      throw new StartupError(`provider type "${definition.type}" has no interactive sign-in (types that have one: ${types.join(', ') || 'none'}); set its apiKey instead`)
    }
    const result = await definition.signIn({
      config,
      http,
      logger: host.logger.child({ instanceId: config.id }),
      secrets: createInstanceSecrets(host.secrets, config.id),
      signal: options.signal ?? new AbortController().signal,
      progress: options.progress,
    })
    return { instanceId: config.id, ...(result.account ? { account: result.account } : {}), secretStore: host.secrets.kind }
  } finally {
    await host.close()
  }
}
