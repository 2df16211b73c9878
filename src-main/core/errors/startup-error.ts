/**
 * A problem that stops the gateway from starting (bad config file, port in use, unreadable key file,
 * a database from a newer version). Hosts print `message` as one line and exit with code 1; it never
 * carries a secret.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StartupError'
  }

  static isInstance(error: unknown): error is StartupError {
    return error instanceof Error && error.name === 'StartupError'
  }
}
