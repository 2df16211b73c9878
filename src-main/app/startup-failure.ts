import { StartupError } from '../core'

export const STARTUP_FAILURE_TITLE = 'OmniLLM could not start'

/** The one line the user sees: a StartupError's own message, or a generic line for anything unexpected. */
export function startupFailureMessage(error: unknown): string {
  if (StartupError.isInstance(error)) return error.message
  const detail = error instanceof Error ? error.message : String(error)
  return `Unexpected error while starting the gateway: ${detail}`
}

export interface StartupFailureDeps {
  showErrorBox(title: string, content: string): void
  exit(exitCode: number): void
}

/** Shows the failure in a native dialog (blocking until dismissed) and exits with code 1, as the CLI does. */
export function reportStartupFailure(error: unknown, deps: StartupFailureDeps): void {
  if (!StartupError.isInstance(error)) console.error(error)
  deps.showErrorBox(STARTUP_FAILURE_TITLE, startupFailureMessage(error))
  deps.exit(1)
}
