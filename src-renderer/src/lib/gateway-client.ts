import {
  contractResultSchema,
  contracts,
  type AdminApi,
  type ContractInput,
  type ContractName,
  type ContractOutput,
  type Contracts,
} from '../../../src-preload/contract'
import { GatewayClientError } from './gateway-client-error'
import type { GatewayTransport } from './gateway-transport'
import { createHttpTransport, type HttpTransportOptions } from './http-transport'
import { createIpcTransport } from './ipc-transport'

/** One method per contract; resolves with the unwrapped value or throws a GatewayClientError. */
export type GatewayClient = {
  [K in ContractName]: (input?: ContractInput<Contracts[K]>) => Promise<ContractOutput<Contracts[K]>>
}

export interface TransportEnvironment extends Omit<HttpTransportOptions, 'baseUrl'> {
  /** `window.omnillm`: present inside Electron, absent in a plain browser. */
  bridge: AdminApi | undefined
  /** `window.location.origin` of the page. */
  origin: string
}

/** IPC through the preload bridge when it exists, otherwise HTTP to `/api/admin/<channel>` on the page's origin. */
export function selectTransport(env: TransportEnvironment): GatewayTransport {
  if (env.bridge) return createIpcTransport(env.bridge)
  const { bridge: _bridge, origin, ...http } = env
  return createHttpTransport({ ...http, baseUrl: origin })
}

/**
 * Derives the client from the contract map: validates the input, sends it through the transport,
 * validates the envelope and the value with the contract's output schema, and unwraps it.
 */
export function createGatewayClient(transport: GatewayTransport): GatewayClient {
  const client: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const name of Object.keys(contracts) as ContractName[]) {
    const contract = contracts[name]
    const resultSchema = contractResultSchema(contract.output)
    client[name] = async (input?: unknown) => {
      const parsedInput = contract.input.safeParse(input)
      if (!parsedInput.success) {
        const issue = parsedInput.error.issues[0]
        throw new GatewayClientError('invalid_input', `Invalid input for ${contract.channel}: ${issue?.message ?? 'invalid'}`)
      }
      const raw = await transport.invoke(name, parsedInput.data)
      const result = resultSchema.safeParse(raw)
      if (!result.success) {
        throw new GatewayClientError('invalid_response', `The gateway sent an unexpected response for ${contract.channel}.`, {
          cause: result.error,
        })
      }
      if (!result.data.ok) throw new GatewayClientError(result.data.error.code, result.data.error.message)
      return result.data.value
    }
  }
  return Object.freeze(client) as GatewayClient
}
