/**
 * The last line of defence for rule 5 (secrets never appear in logs): every log line passes through
 * here before it reaches a file or the console, and every registered secret value is replaced.
 * Structured redaction (pino `redact`) catches known field names; this catches the value wherever it
 * ended up — an error message, an upstream body, a URL.
 */
export const REDACTED = '[REDACTED]'

export class SecretScrubber {
  private readonly secrets = new Set<string>()

  /** Values shorter than 8 characters are not registered: replacing them would mangle ordinary text. */
  register(value: string | undefined): void {
    if (value && value.length >= 8) this.secrets.add(value)
  }

  scrub(line: string): string {
    let result = line
    for (const secret of this.secrets) {
      if (result.includes(secret)) result = result.replaceAll(secret, REDACTED)
    }
    return result
  }
}
