import { Command, InvalidArgumentError, Option } from 'commander'
import { VERSION, type CliFlags } from '../core'
import { addProviderCommands, type ProviderCommandActions } from './add-provider-commands'

export interface ProgramActions extends Partial<ProviderCommandActions> {
  start(flags: Partial<CliFlags> & { secretStore?: 'keychain' | 'encrypted-file' | 'memory' }): Promise<void>
  printApiKey(flags: { apiKey?: string }): Promise<void>
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.')
  return port
}

function parsePositiveInteger(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number.')
  return number
}

function parseSeconds(value: string): number {
  const seconds = Number(value)
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError('expected a number of seconds, 0 or more (e.g. 1.5).')
  return seconds
}

function parseNonNegativeInteger(value: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number, 0 or more.')
  return number
}

/** The `omnillm` command line. Actions are injected so the parsing is testable without starting anything. */
export function createProgram(actions: ProgramActions): Command {
  const program = new Command('omnillm')
    .description('OmniLLM: one local endpoint for OpenAI- and Anthropic-style clients over many LLM providers.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError()

  program
    .command('start')
    .description('Start the gateway in the foreground (headless).')
    .option('--host <address>', 'interface to bind (default 127.0.0.1; anything else is reachable from the network)')
    .option('-p, --port <port>', 'port to listen on (default 5000)', parsePort)
    .option('--api-key <key>', 'inbound API key (else OMNILLM_API_KEY, else ~/.config/omnillm/api-key, else a generated one)')
    .option('-c, --config <file>', 'config file (default ~/.config/omnillm/config.json)')
    .option('-v, --verbose', 'debug logging')
    .addOption(new Option('--log-level <level>', 'log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace']))
    .option('--allow-local-endpoints', 'let providers point at loopback and private addresses (Ollama, vLLM, LM Studio)')
    .option('--enable-config-edit', 'let the admin UI write coding-tool config files')
    .option('--max-body-bytes <bytes>', 'largest accepted request body (default 32 MiB)', parsePositiveInteger)
    .option('-r, --rate-limit <seconds>', 'at least this many seconds between two /v1 requests (default 0 = off)', parseSeconds)
    .option('--rate-limit-rpm <n>', 'at most n /v1 requests in any 60 seconds (default 0 = off)', parseNonNegativeInteger)
    .option('-w, --wait', 'queue rate-limited requests instead of answering 429')
    .option('--wait-queue-size <n>', 'most requests queued by --wait; one more gets 429 (default 64)', parsePositiveInteger)
    .option('--active-provider <id>', 'provider instance tried first for a bare model name (default: the first enabled one)')
    .option('--manual', 'hold every /v1 request until you approve it (in the admin UI, or here in the terminal)')
    .option('--approval-timeout <seconds>', 'deny a request nobody approved within this many seconds (default 300)', parseSeconds)
    .addOption(new Option('--secret-store <kind>', 'where provider secrets live (default: the OS keychain when available, else an encrypted file)').choices(['keychain', 'encrypted-file', 'memory']))
    .option('--show-token', 'GET /token shows the provider token in full (default: masked)')
    .option('-g, --github-token <token>', 'GitHub token for the github-copilot instances (none configured: adds one, id github-copilot)')
    .addOption(new Option('-a, --account-type <type>', 'Copilot plan of the github-copilot instances').choices(['individual', 'business', 'enterprise']))
    .action(async ({ rateLimit, wait, waitQueueSize, manual, approvalTimeout, ...options }) =>
      actions.start({
        ...options,
        rateLimitSeconds: rateLimit,
        rateLimitWait: wait,
        rateLimitQueueSize: waitQueueSize,
        manualApproval: manual,
        manualApprovalTimeoutSeconds: approvalTimeout,
      }),
    )

  program
    .command('api-key')
    .description('Print the inbound API key in full (creating it if none exists yet).')
    .option('--api-key <key>', 'print this key instead (for symmetry with start)')
    .action(async (options) => actions.printApiKey(options))

  addProviderCommands(program, actions)

  return program
}
