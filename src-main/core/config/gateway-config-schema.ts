import { z } from 'zod'
import { logLevelSchema } from '../../../src-preload/contract/settings'

/**
 * The single source of settings. Every setting has a default here; CLI flags, environment variables,
 * the config file and stored settings only override these values (see load-config.ts for the order).
 */
export { logLevelSchema }
export type LogLevel = z.infer<typeof logLevelSchema>

export const settingsSchema = z
  .object({
    /** Interface to bind. Anything but a loopback address exposes the gateway to the network. */
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65_535).default(5000),
    logLevel: logLevelSchema.default('info'),
    /** Largest accepted request body, in bytes (32 MiB). */
    maxBodyBytes: z.number().int().positive().default(32 * 1024 * 1024),
    /** Lets provider endpoints on loopback/private addresses past the SSRF guard (Ollama, vLLM, LM Studio). */
    allowLocalEndpoints: z.boolean().default(false),
    /** Lets the admin UI and API write coding-tool config files (Claude Code, Codex, ...). */
    enableConfigEdit: z.boolean().default(false),
    /** How long a stop waits for in-flight requests before closing their connections. */
    shutdownTimeoutMs: z.number().int().min(0).default(15_000),
    /** Minimum seconds between two granted /v1 requests, gateway-wide; 0 = off. */
    rateLimitSeconds: z.number().min(0).default(0),
    /** At most this many /v1 requests in any 60 seconds (sliding window), gateway-wide; 0 = off. */
    rateLimitRpm: z.number().int().min(0).default(0),
    /** Queue a rate-limited request until its slot comes instead of answering 429. */
    rateLimitWait: z.boolean().default(false),
    /** Largest number of requests waiting with rateLimitWait; one more gets 429. */
    rateLimitQueueSize: z.number().int().min(1).default(64),
    /** The provider instance tried first for a bare model name; unset = the first enabled instance in config order. */
    activeProvider: z.string().min(1).optional(),
    /** Every generating /v1 request waits for the operator's approval (admin UI, or the terminal when headless). */
    manualApproval: z.boolean().default(false),
    /** A request nobody decides on within this many seconds is denied. */
    manualApprovalTimeoutSeconds: z.number().positive().default(300),
    /** Consecutive retryable failures that take an instance out of failover rotation (its circuit opens). */
    circuitBreakerThreshold: z.number().int().min(1).default(3),
    /** Seconds an open circuit stays open before one probe request is let through. */
    circuitBreakerCoolingSeconds: z.number().positive().default(30),
    /** `GET /token` shows the active instance's upstream token in full instead of masked. */
    showToken: z.boolean().default(false),
    /** Seconds with no request in flight after which the gateway shrinks its heap back and returns the memory; 0 = never. */
    idleMemoryReleaseSeconds: z.number().min(0).default(30),
  })
  .strict()
export type Settings = z.infer<typeof settingsSchema>
export type SettingName = keyof Settings

/**
 * The same fields with no defaults, for layers that override only what they name (the config file,
 * stored settings). A `.partial()` of settingsSchema would fill in defaults and mask the layers below.
 */
export const settingsOverridesSchema = z
  .object(
    Object.fromEntries(Object.entries(settingsSchema.shape).map(([name, field]) => [name, field.unwrap().optional()])) as {
      [K in SettingName]: z.ZodOptional<ReturnType<(typeof settingsSchema.shape)[K]['unwrap']>>
    },
  )
  .strict()

const instanceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lowercase letters, digits, ".", "_" or "-" (it becomes the "id:model" prefix)')

export const providerConfigSchema = z
  .object({
    /** The "id:model" prefix. Always set once loaded; the file may leave it out (see providerEntrySchema). */
    id: instanceIdSchema,
    type: z.string().min(1),
    name: z.string().optional(),
    /** A second routing prefix for the instance (`subtitle:model`), matched case-insensitively. */
    subtitle: z.string().regex(/^[^:\s]+$/, 'a subtitle is one word without ":" (it becomes a "subtitle:model" prefix)').optional(),
    baseUrl: z.url().optional(),
    /** A literal key, or "env:VAR" to read it from the environment at start-up. */
    apiKey: z.string().min(1).optional(),
    models: z.array(z.string().min(1)).optional(),
    priority: z.number().int().default(0),
    enabled: z.boolean().default(true),
    /** Retry a stream that fails before its first byte once without streaming; default per provider type. */
    nonStreamingFallback: z.boolean().optional(),
    /** No response headers within this long → a retryable 504 and failover moves on. Default 120 000 (with-instance-timeouts.ts). */
    firstByteTimeoutMs: z.number().int().positive().optional(),
    /** After the stream began, no bytes for this long → the stream ends with the dialect's error event. Default 300 000. */
    idleTimeoutMs: z.number().int().positive().optional(),
  })
  // Provider types add their own fields (deployments, apiVersion, region, ...); each provider validates them.
  .loose()
/** A provider entry as loaded: `id` always set, written or derived. Everything after load-config sees this. */
export type ProviderConfig = z.infer<typeof providerConfigSchema>

/** A provider entry as written in the config file: `id` may be left out, and load-config derives one (derive-instance-id.ts). */
export const providerEntrySchema = providerConfigSchema.extend({ id: instanceIdSchema.optional() })
export type ProviderEntry = z.infer<typeof providerEntrySchema>

export const virtualModelConfigSchema = z
  .object({
    id: z.string().min(1),
    strategy: z.enum(['round-robin', 'random', 'priority', 'weighted']),
    upstreams: z
      .array(
        z
          .object({
            provider: z.string().min(1),
            model: z.string().min(1),
            weight: z.number().positive().optional(),
            priority: z.number().int().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
export type VirtualModelConfig = z.infer<typeof virtualModelConfigSchema>

/** The config file: `{ "settings": {...}, "providers": [...], "virtualModels": [...] }`. */
export const configFileSchema = z
  .object({
    $schema: z.string().optional(),
    settings: settingsOverridesSchema.default({}),
    providers: z.array(providerEntrySchema).default([]),
    virtualModels: z.array(virtualModelConfigSchema).default([]),
  })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>()
    file.providers.forEach((provider, index) => {
      if (provider.id === undefined) return // derived ids are checked once derived (assign-instance-ids.ts)
      if (seen.has(provider.id)) {
        context.addIssue({ code: 'custom', path: ['providers', index, 'id'], message: `duplicate provider id "${provider.id}"` })
      }
      seen.add(provider.id)
    })
  })
export type ConfigFile = z.infer<typeof configFileSchema>

/** Environment variables that set a setting. `OMNILLM_API_KEY` and `OMNILLM_DATA_DIR` are read elsewhere. */
export const settingEnvironmentVariables: Record<SettingName, string> = {
  host: 'OMNILLM_HOST',
  port: 'OMNILLM_PORT',
  logLevel: 'OMNILLM_LOG_LEVEL',
  maxBodyBytes: 'OMNILLM_MAX_BODY_BYTES',
  allowLocalEndpoints: 'OMNILLM_ALLOW_LOCAL_ENDPOINTS',
  enableConfigEdit: 'OMNILLM_ENABLE_CONFIG_EDIT',
  shutdownTimeoutMs: 'OMNILLM_SHUTDOWN_TIMEOUT_MS',
  rateLimitSeconds: 'OMNILLM_RATE_LIMIT',
  rateLimitRpm: 'OMNILLM_RATE_LIMIT_RPM',
  rateLimitWait: 'OMNILLM_RATE_LIMIT_WAIT',
  rateLimitQueueSize: 'OMNILLM_RATE_LIMIT_QUEUE_SIZE',
  activeProvider: 'OMNILLM_ACTIVE_PROVIDER',
  manualApproval: 'OMNILLM_MANUAL',
  manualApprovalTimeoutSeconds: 'OMNILLM_APPROVAL_TIMEOUT',
  circuitBreakerThreshold: 'OMNILLM_CIRCUIT_BREAKER_THRESHOLD',
  circuitBreakerCoolingSeconds: 'OMNILLM_CIRCUIT_BREAKER_COOLING',
  showToken: 'OMNILLM_SHOW_TOKEN',
  idleMemoryReleaseSeconds: 'OMNILLM_IDLE_MEMORY_RELEASE',
}
