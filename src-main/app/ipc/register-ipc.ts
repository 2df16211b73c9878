import { contracts, type ContractName, type ContractResult } from '../../../src-preload/contract'
import { invokeAdmin, type AdminService } from '../../core'

/** The parts of an IpcMainInvokeEvent the sender check reads. */
export interface IpcSenderFrame {
  readonly url: string
  readonly parent: unknown
}

export interface IpcInvokeEvent {
  readonly senderFrame: IpcSenderFrame | null
}

/** The slice of Electron's ipcMain used here; tests pass a Map-backed fake. */
export interface IpcHandlerRegistry {
  handle(channel: string, listener: (event: IpcInvokeEvent, input?: unknown) => Promise<ContractResult<unknown>>): void
  removeHandler(channel: string): void
}

export interface RegisterIpcOptions {
  ipcMain: IpcHandlerRegistry
  admin: AdminService
  isTrustedSender: (event: IpcInvokeEvent) => boolean
  /** Told about each refused call (log it: it means a foreign page reached the preload). */
  onRejectedSender?: (channel: string, senderUrl: string | undefined) => void
}

/**
 * Registers one `ipcMain.handle` per admin contract. Each call checks the sender, then runs the contract
 * through `invokeAdmin` (input validation, service call, output validation). The handler always resolves
 * to the `{ ok, ... }` envelope: Electron would pass only a thrown error's message across. Returns a
 * function that removes the handlers again.
 */
export function registerIpc(options: RegisterIpcOptions): () => void {
  const channels: string[] = []
  for (const name of Object.keys(contracts) as ContractName[]) {
    const { channel } = contracts[name]
    options.ipcMain.handle(channel, async (event, input) => {
      try {
        if (!options.isTrustedSender(event)) {
          options.onRejectedSender?.(channel, senderUrl(event))
          return { ok: false, error: { code: 'forbidden', message: `${channel} is only available to the OmniLLM window.` } }
        }
        return await invokeAdmin(options.admin, name, input)
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The admin operation failed; see the gateway log.' } }
      }
    })
    channels.push(channel)
  }
  return () => {
    for (const channel of channels) options.ipcMain.removeHandler(channel)
  }
}

/** Trusts only the top-level frame of our own renderer page (see createAppPageMatcher). */
export function createTrustedSenderCheck(isAppPage: (url: string) => boolean): (event: IpcInvokeEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame
    return frame !== null && frame.parent === null && isAppPage(frame.url)
  }
}

function senderUrl(event: IpcInvokeEvent): string | undefined {
  try {
    return event.senderFrame?.url
  } catch {
    return undefined
  }
}
