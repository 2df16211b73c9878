import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pino, { type DestinationStream, type Logger } from 'pino'
import type { LogLevel } from '../config/gateway-config-schema'
import { formatPrettyLine } from './format-pretty-line'
import { SecretScrubber } from './scrub-secrets'

export interface GatewayLogger {
  readonly logger: Logger
  /** The JSON-lines log file, when the logger writes one. */
  readonly file: string | undefined
  setLevel(level: LogLevel): void
  /** Every registered value is replaced by [REDACTED] in every line, whatever field it is in. */
  registerSecret(value: string | undefined): void
  /** The same replacement for text that is stored elsewhere (request-log rows). */
  scrub(text: string): string
  /** Writes out buffered lines. */
  flush(): void
  /** Flushes and closes the log file (call on stop). */
  close(): Promise<void>
}

export interface CreateLoggerOptions {
  level: LogLevel
  /** Writes JSON lines to `<dataDir>/logs/omnillm.log` when given. */
  dataDir?: string
  /** Human-readable lines to this stream (the CLI passes process.stdout); none when omitted. */
  console?: { write(text: string): unknown }
  /** Extra raw JSON-line sink (tests read from it). */
  sink?: { write(text: string): unknown }
}

/** Field names whose values never reach a log line. */
const redactPaths = [
  'apiKey',
  '*.apiKey',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'authorization',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
]

export function createLogger(options: CreateLoggerOptions): GatewayLogger {
  const scrubber = new SecretScrubber()
  const streams: pino.StreamEntry[] = []
  let fileDestination: ReturnType<typeof pino.destination> | undefined
  let file: string | undefined

  const scrubbed = (write: (line: string) => void): DestinationStream => ({ write: (line: string) => write(scrubber.scrub(line)) })

  if (options.dataDir) {
    const directory = join(options.dataDir, 'logs')
    mkdirSync(directory, { recursive: true, mode: 0o700 })
    file = join(directory, 'omnillm.log')
    fileDestination = pino.destination({ dest: file, sync: false })
    // A log file that cannot be written (disk full, removed directory) must not bring the gateway down.
    fileDestination.on('error', (error: Error) => process.stderr.write(`omnillm: cannot write log file ${file}: ${error.message}\n`))
    const destination = fileDestination
    // Lines logged after close() are dropped rather than thrown at the caller.
    streams.push({ level: 'trace', stream: scrubbed((line) => fileDestination === destination && destination.write(line)) })
  }
  if (options.console) {
    const consoleStream = options.console
    streams.push({ level: 'trace', stream: scrubbed((line) => consoleStream.write(formatPrettyLine(line))) })
  }
  if (options.sink) {
    const sink = options.sink
    streams.push({ level: 'trace', stream: scrubbed((line) => sink.write(line)) })
  }

  const logger = pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: redactPaths, censor: '[REDACTED]' },
      serializers: { err: pino.stdSerializers.err },
    },
    pino.multistream(streams),
  )

  return {
    logger,
    file,
    setLevel: (level) => {
      logger.level = level
    },
    registerSecret: (value) => scrubber.register(value),
    scrub: (text) => scrubber.scrub(text),
    flush: () => {
      try {
        fileDestination?.flushSync()
      } catch {
        // not open yet or already closed: nothing buffered to lose
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        const destination = fileDestination
        fileDestination = undefined
        if (!destination) return resolve()
        destination.once('close', () => resolve())
        destination.once('error', () => resolve())
        destination.end()
      }),
  }
}
