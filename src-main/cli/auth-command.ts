import { runSignIn, type SecretStore, type SecretStoreKind, type SignInProgress } from '../core'
import type { AuthFlags } from './add-provider-commands'

export interface CommandIo {
  write(text: string): unknown
  env?: NodeJS.ProcessEnv
  /** Tests point these at temporary directories; the CLI uses the defaults `omnillm start` uses. */
  dataDir?: string
  configDir?: string
  secretStore?: SecretStore
  signal?: AbortSignal
}

function describeProgress(progress: SignInProgress): string {
  switch (progress.step) {
    case 'device-code':
      return `Open ${progress.verificationUri} and enter the code ${progress.userCode}\n(the code expires at ${new Date(progress.expiresAt).toLocaleTimeString()}; waiting for you to approve…)\n`
    case 'open-url':
      return `Open this URL in your browser to sign in:\n${progress.url}\n`
    case 'waiting':
      return `${progress.message}\n`
  }
}

/** Where the one-shot commands find the config, data and secrets: the flags, else the io's test overrides. */
export function hostOptions(flags: { config?: string; secretStore?: SecretStoreKind }, io: CommandIo) {
  return {
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(flags.secretStore ? { preferredSecretStore: flags.secretStore } : {}),
    ...(io.secretStore ? { secretStore: io.secretStore } : {}),
    ...(io.env ? { env: io.env } : {}),
    ...(io.dataDir ? { dataDir: io.dataDir } : {}),
    ...(io.configDir ? { configDir: io.configDir } : {}),
  }
}

/** `omnillm auth <type> [--id ID] [--config FILE]`: the sign-in in the terminal; the token lands in the secret store. */
export async function runAuthCommand(type: string, flags: AuthFlags, io: CommandIo): Promise<void> {
  let lastCode: string | undefined
  const result = await runSignIn({
    type,
    ...(flags.id ? { instanceId: flags.id } : {}),
    ...hostOptions(flags, io),
    ...(io.signal ? { signal: io.signal } : {}),
    progress(update) {
      // A slow_down repeats the same code with a longer interval: say it once.
      if (update.step === 'device-code' && update.userCode === lastCode) return
      if (update.step === 'device-code') lastCode = update.userCode
      io.write(describeProgress(update))
    },
  })
  io.write(`Signed in${result.account ? ` as ${result.account}` : ''}; the token of provider "${result.instanceId}" is in the ${result.secretStore} secret store. \`omnillm start\` will use it.\n`)
}
