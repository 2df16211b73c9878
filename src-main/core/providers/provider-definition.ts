import type { Logger } from 'pino'
import type { CifDialect, CifRequest, CifResult, CifStreamPart } from '../cif'
import type { ProviderConfig } from '../config/gateway-config-schema'
import type { UpstreamHttpClient } from './http/upstream-http-client'
import type { ProviderSettingsDescriptor } from './provider-settings-descriptor'

export type { ProviderSettingField, ProviderSettingKind, ProviderSettingsDescriptor } from './provider-settings-descriptor'

/** What the gateway gives a provider instance when it creates one. */
export interface ProviderContext {
  /** The instance's entry from the config file (`id`, `type`, `baseUrl`, `apiKey`, `models`, own fields …). */
  config: ProviderConfig
  http: UpstreamHttpClient
  logger: Logger
}

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

/** A successful upstream answer, streamed back to the client byte for byte. */
export interface PassthroughResponse {
  status: number
  contentType: string
  body: ReadableStream<Uint8Array>
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
}

/** A provider type: one folder under providers/, one line in registry.ts. */
export interface ProviderDefinition {
  /** The config file's `type`. */
  type: string
  label: string
  create(context: ProviderContext): Provider
  /** The settings the admin UI renders this type's form from (provider-settings.test.ts holds it to the parser). */
  settings: ProviderSettingsDescriptor
  /** Per-instance switches' defaults for this type; an instance's config entry overrides them. */
  defaults?: {
    /** Retry a stream that fails before its first byte once without streaming (see README). */
    nonStreamingFallback?: boolean
  }
}
