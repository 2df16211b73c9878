import type { MenuItemConstructorOptions } from 'electron'
import type { ApprovalQueue } from '../core/limits/create-approval-queue'
import type { TrayController } from './tray'

export interface TrayApprovalsDeps {
  tray: Pick<TrayController, 'setSection'>
  queue: Pick<ApprovalQueue, 'pending' | 'subscribe'>
  /** Opens the window, where the status page lists the waiting requests. */
  onOpen(): void
  /** A desktop notification (Electron's Notification in the shell). */
  notify(title: string, body: string): void
}

/** The tray line for manual approval: how many requests wait, a click opens the window. Empty when none wait. */
export function approvalsSection(waiting: number, onOpen: () => void): MenuItemConstructorOptions[] {
  if (waiting === 0) return []
  return [{ id: 'approvals', label: `${waiting} request${waiting === 1 ? '' : 's'} waiting for approval…`, click: () => onOpen() }]
}

/** With `--manual` on the desktop: the tray counts the waiting requests and each new one raises a notification. */
export function connectApprovalsToTray(deps: TrayApprovalsDeps): () => void {
  const render = () => deps.tray.setSection('approvals', approvalsSection(deps.queue.pending().length, deps.onOpen))
  const unsubscribe = deps.queue.subscribe((event) => {
    if (event.type === 'pending') {
      const { request } = event
      deps.notify('OmniLLM: a request waits for approval', `${request.model ?? request.path} from ${request.userAgent ?? request.clientIp ?? 'a client'}`)
    }
    render()
  })
  render()
  return unsubscribe
}
