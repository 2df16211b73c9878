import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import type { ProviderConfig } from '../config/gateway-config-schema'
import { GatewayError } from '../errors/gateway-error'
import type { UpstreamHttpClient } from '../providers/http/upstream-http-client'
import type { ProviderDefinition, SignInProgress } from '../providers/provider-definition'
import { createInstanceSecrets } from '../secrets/instance-secrets'
import type { SecretStore } from '../secrets/secret-store'

export type SignInFlowStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled'

/** One sign-in as the admin UI and the CLI see it (never the token it obtained). */
export interface SignInFlowState {
  flowId: string
  instanceId: string
  type: string
  status: SignInFlowStatus
  startedAt: string
  /** The latest progress while pending (the device code to show, the URL to open). */
  progress?: SignInProgress
  /** Who signed in, once succeeded (when the upstream says). */
  account?: string
  /** Why it failed. */
  message?: string
}

export interface SignInManager {
  /** Starts the instance's sign-in; resolves as soon as the first progress arrives (or the flow ends). */
  start(instanceId: string): Promise<SignInFlowState>
  status(flowId: string): SignInFlowState
  cancel(flowId: string): SignInFlowState
  list(): SignInFlowState[]
  /** Every change of any flow; returns the unsubscribe function. */
  onChange(listener: (state: SignInFlowState) => void): () => void
  /** Cancels every pending flow (gateway stop). */
  close(): void
}

export interface SignInManagerOptions {
  configs: ProviderConfig[]
  definitions: readonly ProviderDefinition[]
  http: UpstreamHttpClient
  secrets: SecretStore
  logger: Logger
  /** How long start() waits for the first progress before answering with the pending state anyway. */
  firstProgressTimeoutMs?: number
  /** Finished flows kept for status() (default 20). */
  keepFinished?: number
}

/**
 * Runs provider sign-ins (ProviderDefinition.signIn) in the background, several at once, each under its
 * own flow id. Nothing waits on a poll: start() answers with the first progress (the device code), and
 * status()/onChange report the rest. Starting a sign-in for an instance that has one pending cancels
 * the older one. What a flow obtains goes to that instance's secrets only.
 */
export function createSignInManager(options: SignInManagerOptions): SignInManager {
  const flows = new Map<string, { state: SignInFlowState; controller: AbortController }>()
  const listeners = new Set<(state: SignInFlowState) => void>()
  const keepFinished = options.keepFinished ?? 20
  const byType = new Map(options.definitions.map((definition) => [definition.type, definition]))

  const snapshot = (state: SignInFlowState): SignInFlowState => ({ ...state })
  const emit = (state: SignInFlowState) => {
    for (const listener of listeners) {
      try {
        listener(snapshot(state))
      } catch (error) {
        options.logger.warn({ err: error }, 'sign-in listener failed')
      }
    }
  }
  const finish = (flowId: string, update: Partial<SignInFlowState>) => {
    const flow = flows.get(flowId)
    if (!flow || flow.state.status !== 'pending') return
    const { progress: _progress, ...rest } = flow.state
    flow.state = { ...rest, ...update }
    emit(flow.state)
    prune()
  }
  const prune = () => {
    const finished = [...flows.values()].filter((flow) => flow.state.status !== 'pending')
    for (const flow of finished.slice(0, Math.max(0, finished.length - keepFinished))) flows.delete(flow.state.flowId)
  }
  const find = (flowId: string) => {
    const flow = flows.get(flowId)
    if (!flow) throw new GatewayError({ status: 404, type: 'not_found', code: 'unknown_sign_in', message: `No sign-in with the id "${flowId}" (finished ones are kept only for a while).` })
    return flow
  }

  return {
    async start(instanceId) {
      const config = options.configs.find((candidate) => candidate.id === instanceId)
      if (!config) throw new GatewayError({ status: 404, type: 'not_found', code: 'unknown_provider', message: `No provider instance has the id "${instanceId}".` })
      const definition = byType.get(config.type)
      if (!definition?.signIn) {
        throw new GatewayError({ status: 400, type: 'invalid_request', code: 'sign_in_unsupported', message: `Provider "${instanceId}" (${config.type}) has no interactive sign-in; set its apiKey instead.` })
      }
      for (const flow of flows.values()) if (flow.state.instanceId === instanceId && flow.state.status === 'pending') this.cancel(flow.state.flowId)

      const flowId = randomUUID()
      const controller = new AbortController()
      const state: SignInFlowState = { flowId, instanceId, type: config.type, status: 'pending', startedAt: new Date().toISOString() }
      flows.set(flowId, { state, controller })
      const logger = options.logger.child({ instanceId, signInFlow: flowId })
      let firstProgress: (() => void) | undefined
      const ready = new Promise<void>((resolve) => (firstProgress = resolve))

      void definition
        .signIn({
          config,
          http: options.http,
          logger,
          secrets: createInstanceSecrets(options.secrets, instanceId),
          signal: controller.signal,
          progress: (update) => {
            const flow = flows.get(flowId)
            if (!flow || flow.state.status !== 'pending') return
            flow.state = { ...flow.state, progress: update }
            emit(flow.state)
            firstProgress?.()
          },
        })
        .then(
          (result) => finish(flowId, { status: 'succeeded', ...(result.account ? { account: result.account } : {}) }),
          (error: unknown) => {
            if (controller.signal.aborted) return finish(flowId, { status: 'cancelled' })
            logger.warn({ err: error }, 'sign-in failed')
            finish(flowId, { status: 'failed', message: GatewayError.isInstance(error) ? error.message : 'The sign-in failed; see the gateway log.' })
          },
        )
        .finally(() => firstProgress?.())

      const timeout = new Promise<void>((resolve) => setTimeout(resolve, options.firstProgressTimeoutMs ?? 15_000).unref())
      await Promise.race([ready, timeout])
      return snapshot(flows.get(flowId)?.state ?? state)
    },
    status: (flowId) => snapshot(find(flowId).state),
    cancel(flowId) {
      const flow = find(flowId)
      if (flow.state.status === 'pending') {
        flow.controller.abort()
        finish(flowId, { status: 'cancelled' })
      }
      return snapshot(flow.state)
    },
    list: () => [...flows.values()].map((flow) => snapshot(flow.state)),
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      for (const flow of flows.values()) if (flow.state.status === 'pending') this.cancel(flow.state.flowId)
    },
  }
}
