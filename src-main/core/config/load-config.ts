import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { StartupError } from '../errors/startup-error'
import { assignInstanceIds } from './assign-instance-ids'
import { applyGithubCopilotFlags } from './apply-github-copilot-flags'
import {
  configFileSchema,
  settingEnvironmentVariables,
  settingsSchema,
  type ProviderConfig,
  type SettingName,
  type Settings,
  type VirtualModelConfig,
} from './gateway-config-schema'

/** What the hosts parse from their command line; every field is optional. */
export interface CliFlags {
  host: string
  port: number
  apiKey: string
  verbose: boolean
  logLevel: Settings['logLevel']
  config: string
  allowLocalEndpoints: boolean
  enableConfigEdit: boolean
  maxBodyBytes: number
  /** `--rate-limit <seconds>` */
  rateLimitSeconds: number
  /** `--rate-limit-rpm <n>` */
  rateLimitRpm: number
  /** `--wait` */
  rateLimitWait: boolean
  /** `--wait-queue-size <n>` */
  rateLimitQueueSize: number
  /** `--active-provider <id>` */
  activeProvider: string
  /** `--show-token` */
  showToken: boolean
  /** `--github-token <token>`: the GitHub token of the github-copilot instances (apply-github-copilot-flags.ts). */
  githubToken: string
  /** `-a, --account-type <type>` of the github-copilot instances. */
  accountType: string
  /** `--manual` */
  manualApproval: boolean
  /** `--approval-timeout <seconds>` */
  manualApprovalTimeoutSeconds: number
}

export type SettingSource = 'flag' | 'env' | 'file' | 'stored' | 'default'

export interface LoadConfigOptions {
  flags?: Partial<CliFlags>
  env?: NodeJS.ProcessEnv
  /** Used when neither `--config` nor `OMNILLM_CONFIG` names a file; a missing default file is fine. */
  defaultConfigFile?: string
  /** Settings saved earlier through the admin UI (the settings table). */
  storedSettings?: Record<string, unknown>
}

export interface LoadedConfig {
  settings: Settings
  /** Where each setting came from, for `omnillm start --verbose` and the status page. */
  sources: Record<SettingName, SettingSource>
  providers: ProviderConfig[]
  virtualModels: VirtualModelConfig[]
  /** The config file that was read, if any. */
  configFile: string | undefined
  /** Problems that did not stop start-up (for example an invalid stored setting that was ignored). */
  warnings: string[]
}

const settingNames = Object.keys(settingsSchema.shape) as SettingName[]

/**
 * Resolves the configuration. Precedence, highest first:
 * CLI flags > environment > config file > stored settings > defaults.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const env = options.env ?? process.env
  const flags = options.flags ?? {}
  const warnings: string[] = []

  const explicitFile = flags.config ?? nonEmpty(env.OMNILLM_CONFIG)
  const configFile = explicitFile ?? options.defaultConfigFile
  const file = configFile ? await readConfigFile(configFile, explicitFile !== undefined, env) : undefined

  const layers: Array<[SettingSource, Partial<Record<SettingName, unknown>>]> = [
    ['flag', settingsFromFlags(flags)],
    ['env', settingsFromEnvironment(env)],
    ['file', file?.settings ?? {}],
    ['stored', validStoredSettings(options.storedSettings ?? {}, warnings)],
  ]

  const merged: Partial<Record<SettingName, unknown>> = {}
  const sources = {} as Record<SettingName, SettingSource>
  for (const name of settingNames) {
    sources[name] = 'default'
    for (const [source, values] of layers) {
      if (values[name] !== undefined) {
        merged[name] = values[name]
        sources[name] = source
        break
      }
    }
  }

  const parsed = settingsSchema.safeParse(merged)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = issue.path[0] as SettingName
    throw new StartupError(`Invalid setting ${describeSource(name, sources[name], configFile)}: ${issue.message}`)
  }

  return {
    settings: parsed.data,
    sources,
    providers: applyGithubCopilotFlags(file?.providers ?? [], flags),
    virtualModels: file?.virtualModels ?? [],
    configFile: file ? configFile : undefined,
    warnings,
  }
}

async function readConfigFile(path: string, required: boolean, env: NodeJS.ProcessEnv) {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (isMissing(error) && !required) return undefined
    const reason = isMissing(error) ? 'the file does not exist' : (error as Error).message
    throw new StartupError(`Cannot read config file ${path}: ${reason}`)
  }

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new StartupError(`Config file ${path} is not valid JSON: ${(error as Error).message}`)
  }

  const parsed = configFileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new StartupError(`Config file ${path}: ${formatPath(issue.path)}: ${issue.message}`)
  }

  const entries = parsed.data.providers.map((provider, index) => ({
    ...provider,
    apiKey: resolveSecretReference(provider.apiKey, env, () => `Config file ${path}: providers.${index}.apiKey`),
    ...(typeof provider.clientSecret === 'string' ? { clientSecret: resolveSecretReference(provider.clientSecret, env, () => `Config file ${path}: providers.${index}.clientSecret`) } : {}),
  }))
  return { ...parsed.data, providers: assignInstanceIds(entries, `Config file ${path}`) }
}

/** `"env:VAR"` reads the variable; anything else is a literal. */
function resolveSecretReference(value: string | undefined, env: NodeJS.ProcessEnv, where: () => string): string | undefined {
  if (value === undefined || !value.startsWith('env:')) return value
  const variable = value.slice('env:'.length)
  const resolved = nonEmpty(env[variable])
  if (resolved === undefined) throw new StartupError(`${where()}: environment variable ${variable} is not set`)
  return resolved
}

function settingsFromFlags(flags: Partial<CliFlags>): Partial<Record<SettingName, unknown>> {
  return {
    host: flags.host,
    port: flags.port,
    logLevel: flags.logLevel ?? (flags.verbose ? 'debug' : undefined),
    allowLocalEndpoints: flags.allowLocalEndpoints,
    enableConfigEdit: flags.enableConfigEdit,
    maxBodyBytes: flags.maxBodyBytes,
    rateLimitSeconds: flags.rateLimitSeconds,
    rateLimitRpm: flags.rateLimitRpm,
    rateLimitWait: flags.rateLimitWait,
    rateLimitQueueSize: flags.rateLimitQueueSize,
    activeProvider: flags.activeProvider,
    showToken: flags.showToken,
    manualApproval: flags.manualApproval,
    manualApprovalTimeoutSeconds: flags.manualApprovalTimeoutSeconds,
  }
}

function settingsFromEnvironment(env: NodeJS.ProcessEnv): Partial<Record<SettingName, unknown>> {
  const values: Partial<Record<SettingName, unknown>> = {}
  for (const name of settingNames) {
    const variable = settingEnvironmentVariables[name]
    const raw = nonEmpty(env[variable])
    if (raw === undefined) continue
    values[name] = coerceEnvironmentValue(name, variable, raw)
  }
  return values
}

function coerceEnvironmentValue(name: SettingName, variable: string, raw: string): unknown {
  const target = settingsSchema.shape[name].unwrap()
  if (target instanceof z.ZodNumber) {
    const number = Number(raw)
    if (!Number.isFinite(number)) throw new StartupError(`Invalid setting ${name} from environment variable ${variable}: "${raw}" is not a number`)
    return number
  }
  if (target instanceof z.ZodBoolean) {
    const normalised = raw.trim().toLowerCase()
    if (['1', 'true', 'yes', 'on'].includes(normalised)) return true
    if (['0', 'false', 'no', 'off'].includes(normalised)) return false
    throw new StartupError(`Invalid setting ${name} from environment variable ${variable}: "${raw}" is not a boolean (use true or false)`)
  }
  return raw
}

/** A stored value that no longer validates is ignored with a warning, never deleted. */
function validStoredSettings(stored: Record<string, unknown>, warnings: string[]): Partial<Record<SettingName, unknown>> {
  const values: Partial<Record<SettingName, unknown>> = {}
  for (const [name, value] of Object.entries(stored)) {
    if (!(settingNames as string[]).includes(name)) continue
    const result = settingsSchema.shape[name as SettingName].safeParse(value)
    if (result.success) values[name as SettingName] = value
    else warnings.push(`Ignoring stored setting ${name}: ${result.error.issues[0]?.message ?? 'invalid'}`)
  }
  return values
}

function describeSource(name: SettingName, source: SettingSource, configFile: string | undefined): string {
  switch (source) {
    case 'flag':
      return `${name} from the command line`
    case 'env':
      return `${name} from environment variable ${settingEnvironmentVariables[name]}`
    case 'file':
      return `${name} in config file ${configFile}`
    case 'stored':
      return `${name} from stored settings`
    default:
      return name
  }
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.')
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT'
}
