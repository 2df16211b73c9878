import { randomBytes } from 'node:crypto'
import type { SecretStore } from './secret-store'

/** The entry a probe writes and removes again. */
export const probeSecretName = 'omnillm-probe'

export type ProbeResult = { ok: true } | { ok: false; reason: string }

/**
 * Checks that a store really works: writes, reads back and deletes a throwaway entry, all within
 * `timeoutMs`. A keychain without a Secret Service on D-Bus may fail or never answer at all.
 */
export async function probeSecretStore(store: SecretStore, timeoutMs: number): Promise<ProbeResult> {
  const value = randomBytes(8).toString('hex')
  const roundTrip = async (): Promise<ProbeResult> => {
    await store.set(probeSecretName, value)
    let readBack: string | undefined
    try {
      readBack = await store.get(probeSecretName)
    } finally {
      await store.delete(probeSecretName)
    }
    return readBack === value ? { ok: true } : { ok: false, reason: 'a probe entry did not read back' }
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs)
    timer.unref()
  })
  try {
    return await Promise.race([roundTrip(), timeout])
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  } finally {
    clearTimeout(timer)
  }
}
