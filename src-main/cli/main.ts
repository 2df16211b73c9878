import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultPaths, GatewayError, resolveApiKey, startGatewayHost, StartupError } from '../core'
import { runAuthCommand } from './auth-command'
import { runCheckUsageCommand } from './check-usage-command'
import { createProgram } from './create-program'
import { promptApprovalsInTerminal } from './terminal-approvals'

// The headless host: `omnillm start` runs the same core the Electron shell runs.
const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '../renderer')

function fail(error: unknown): never {
  if (StartupError.isInstance(error) || GatewayError.isInstance(error)) process.stderr.write(`omnillm: ${error.message}\n`)
  else process.stderr.write(`omnillm: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
}

const program = createProgram({
  async start(flags) {
    const { secretStore, ...gatewayFlags } = flags
    const host = await startGatewayHost({
      mode: 'headless',
      flags: gatewayFlags,
      rendererDir,
      preferredSecretStore: secretStore,
      console: process.stdout,
    })
    host.logger.info(`admin UI: ${host.url}/admin/`)
    const approvals = host.gateway.approvals
    if (approvals && process.stdin.isTTY) {
      host.logger.info('manual approval is on: answer each request here, or in the admin UI')
      promptApprovalsInTerminal({ queue: approvals, input: process.stdin, output: process.stdout })
    } else if (approvals) {
      host.logger.info('manual approval is on: decide in the admin UI, or with POST /api/admin/approvals:decide')
    }
    let signals = 0
    const shutdown = (signal: NodeJS.Signals) => {
      signals += 1
      if (signals > 1) process.exit(130)
      host.logger.info({ signal }, 'shutting down (send again to force)')
      host.stop().then(() => process.exit(0), fail)
    }
    process.on('SIGINT', shutdown)
    process.on('SIGTERM', shutdown)
  },
  auth: (type, flags) => runAuthCommand(type, flags, { write: (text) => process.stdout.write(text) }),
  checkUsage: (flags) => runCheckUsageCommand(flags, { write: (text) => process.stdout.write(text) }),
  async printApiKey(flags) {
    const { configDir } = defaultPaths()
    const key = await resolveApiKey({ flag: flags.apiKey, keyFile: join(configDir, 'api-key') })
    process.stdout.write(`${key.key}\n`)
  },
})

program.parseAsync(process.argv).catch(fail)
