import { contracts, type ContractName, type ContractResult } from '../../../src-preload/contract'
import { GatewayError } from '../errors/gateway-error'
import type { AdminService } from './admin-service'

export function isContractName(name: string): name is ContractName {
  return Object.hasOwn(contracts, name)
}

/** Finds a contract by its channel (`gateway:get-status`), as the IPC and HTTP transports receive it. */
export function contractNameForChannel(channel: string): ContractName | undefined {
  for (const name of Object.keys(contracts) as ContractName[]) {
    if (contracts[name].channel === channel) return name
  }
  return undefined
}

/**
 * Runs one admin operation for a transport: validates the raw input with the contract's schema, calls the
 * service, validates the output and wraps everything in the `{ ok, value } | { ok: false, error }`
 * envelope. Nothing thrown inside escapes: transports only ever see data.
 */
export async function invokeAdmin(
  service: AdminService,
  name: ContractName,
  rawInput: unknown,
  onInternalError?: (error: unknown) => void,
): Promise<ContractResult<unknown>> {
  const contract = contracts[name]
  const parsed = contract.input.safeParse(rawInput ?? undefined)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
    return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${contract.channel}${where}: ${issue?.message ?? 'invalid'}` } }
  }
  try {
    const handler = service[name] as (input: unknown) => Promise<unknown>
    const value = contract.output.parse(await handler(parsed.data))
    return { ok: true, value }
  } catch (error) {
    if (GatewayError.isInstance(error)) {
      return { ok: false, error: { code: error.code ?? error.type, message: error.message } }
    }
    onInternalError?.(error)
    return { ok: false, error: { code: 'internal', message: 'The admin operation failed; see the gateway log.' } }
  }
}
