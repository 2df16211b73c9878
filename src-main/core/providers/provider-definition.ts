import type { Logger } from 'pino'
import type { CifDialect, CifRequest, CifResult, CifStreamPart } from '../cif'
import type { ProviderConfig } from '../config/gateway-config-schema'
import type { UpstreamHttpClient } from './http/upstream-http-client'
import type { ProviderSettingsDescriptor } from './provider-settings-descriptor'

export type { ProviderSettingField, ProviderSettingKind, ProviderSettingsDescriptor } from './provider-settings-descriptor'

/**
 * One instance's own secrets (OAuth tokens, refresh tokens), kept in the SecretStore under
 * `provider:<instance-id>:<name>`. Never in SQLite, never in a log line.
 */
export interface InstanceSecrets {
  get(name: string): Promise<string | undefined>
  set(name: string, value: string): Promise<void>
  /** Resolves true when something was deleted. */
  delete(name: string): Promise<boolean>
}

/** What the gateway gives a provider instance when it creates one. */
export interface ProviderContext {
  /** The instance's entry from the config file (`id`, `type`, `baseUrl`, `apiKey`, `models`, own fields …). */
  config: ProviderConfig
  http: UpstreamHttpClient
  logger: Logger
  secrets: InstanceSecrets
}

/** What a running sign-in shows the user (the terminal for `omnillm auth`, the in-app window on the desktop). */
export type SignInProgress =
  /** OAuth device flow: the user opens `verificationUri` and types `userCode`. */
  | { step: 'device-code'; verificationUri: string; userCode: string; expiresAt: string; intervalSeconds: number }
  /** Browser redirect flow: the user opens `url`; the provider waits for the redirect. */
  | { step: 'open-url'; url: string }
  | { step: 'waiting'; message: string }

export interface SignInContext {
  config: ProviderConfig
  http: UpstreamHttpClient
  logger: Logger
  /** Where the sign-in stores what it obtained; the instance reads the same names. */
  secrets: InstanceSecrets
  /** Cancel: the sign-in stops polling/listening and rejects. */
  signal: AbortSignal
  progress(update: SignInProgress): void
}

export interface SignInResult {
  /** Who signed in, for display ("octocat", "someone@example.com"), when the upstream says. */
  account?: string
}

/** An upstream's usage/quota report, as the upstream's own JSON (for `GET /usage` and the admin contract). */
export type ProviderUsage = Record<string, unknown>

export interface ProviderCallOptions {
  signal: AbortSignal
  /** The client's request headers, lower-cased (adapters read hints such as `anthropic-beta`). */
  clientHeaders: Record<string, string>
  requestId: string
}

export interface ModelInfo {
  id: string
  ownedBy?: string
  created?: number
  contextWindow?: number
  /** The upstream's version string for the model, where it gives one (Copilot's `version`, Gemini's `version`). */
  version?: string
}

export interface EmbeddingRequest {
  model: string
  input: string[] | number[][]
  dimensions?: number
  encodingFormat?: 'float' | 'base64'
  user?: string
}

export interface EmbeddingResult {
  model?: string
  /** One vector per input, in order (base64 strings when encodingFormat was base64). */
  embeddings: Array<number[] | string>
  inputTokens?: number
}

/** Client-dialect requests an upstream of the same dialect forwards as they are (only `model` replaced). */
export type PassthroughOperation = 'openai-chat' | 'anthropic-messages' | 'anthropic-count-tokens'

export interface PassthroughRequest {
  operation: PassthroughOperation
  /** The client's body with `model` already replaced by the upstream model name. */
  body: Record<string, unknown>
  stream: boolean
}

/** A successful upstream answer, handed back to the client byte for byte. */
export interface PassthroughResponse {
  status: number
  contentType: string
  /** A live stream, or the whole answer already read (see readPassthroughBody). */
  body: ReadableStream<Uint8Array> | string
}

/**
 * One configured provider instance. Failures reject with an UpstreamError (status, message, Retry-After)
 * BEFORE anything reaches the client: `stream` resolves only once the upstream answered with a success
 * status, so an upstream 429 still reaches a streaming client as a 429.
 */
export interface Provider {
  readonly id: string
  readonly type: string
  /** The wire dialect this instance speaks upstream. */
  readonly dialect: CifDialect
  listModels(options: ProviderCallOptions): Promise<ModelInfo[]>
  generate(request: CifRequest, options: ProviderCallOptions): Promise<CifResult>
  stream(request: CifRequest, options: ProviderCallOptions): Promise<ReadableStream<CifStreamPart>>
  /** Exact input token count from the upstream's counting API, where it has one. */
  countTokens?(request: CifRequest, options: ProviderCallOptions): Promise<number>
  embed?(request: EmbeddingRequest, options: ProviderCallOptions): Promise<EmbeddingResult>
  /** Same-dialect forwarding, where the upstream speaks the client's dialect. */
  passthrough?(request: PassthroughRequest, options: ProviderCallOptions): Promise<PassthroughResponse>
  /**
   * The operations `passthrough` serves, when they are not simply those of `dialect` (an OpenAI-wire
   * vendor with an Anthropic-compatible endpoint lists 'anthropic-messages').
   */
  readonly passthroughOperations?: readonly PassthroughOperation[]
  /** Usage and quota of the account behind this instance, where the upstream reports it (`GET /usage`). */
  usage?(options: ProviderCallOptions): Promise<ProviderUsage>
  /** The upstream credential in use now (an exchanged OAuth token), for `GET /token`; the route masks it. */
  currentToken?(options: ProviderCallOptions): Promise<string | undefined>
}

/** A provider type: one folder under providers/, one line in registry.ts. */
export interface ProviderDefinition {
  /** The config file's `type`. */
  type: string
  label: string
  create(context: ProviderContext): Provider
  /** The settings the admin UI renders this type's form from (provider-settings.test.ts holds it to the parser). */
  settings: ProviderSettingsDescriptor
  /**
   * Interactive sign-in for types whose credential is an OAuth token (`omnillm auth <type>`, the admin
   * contract's sign-in channels). It stores what it obtains in `context.secrets` and resolves once done.
   */
  signIn?(context: SignInContext): Promise<SignInResult>
  /** Per-instance switches' defaults for this type; an instance's config entry overrides them. */
  defaults?: {
    /** Retry a stream that fails before its first byte once without streaming (see README). */
    nonStreamingFallback?: boolean
  }
}
