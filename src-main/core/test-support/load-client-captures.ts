import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

export const capturesDir = resolve(import.meta.dirname, '../../../../shared/fixtures/client-captures')

export interface ClientCapture {
  /** e.g. `claude-code/07-tool-roundtrip-bash/0003-POST-v1_messages.json` */
  name: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  body: Record<string, unknown>
}

const replayedPaths = new Set(['/v1/messages', '/v1/messages/count_tokens', '/v1/chat/completions', '/v1/responses'])

/** Big strings and tool arrays were moved to `<client>/_blobs/` and referenced as `{"$blob": "<file>"}`. */
function resolveBlobs(value: unknown, clientDir: string): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveBlobs(item, clientDir))
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record.$blob === "string") {
      // The reference is relative to the client folder: `_blobs/<hash>.md`.
      const text = readFileSync(join(clientDir, record.$blob), 'utf8')
      return record.$blob.endsWith('.json') ? resolveBlobs(JSON.parse(text), clientDir) : text
    }
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, resolveBlobs(item, clientDir)]))
  }
  return value
}

/** Every captured POST to a generation route, from every client, blobs resolved. */
export function loadClientCaptures(): ClientCapture[] {
  const captures: ClientCapture[] = []
  for (const client of readdirSync(capturesDir, { withFileTypes: true })) {
    if (!client.isDirectory() || client.name.startsWith('_')) continue
    const clientDir = join(capturesDir, client.name)
    for (const scenario of readdirSync(clientDir, { withFileTypes: true })) {
      if (!scenario.isDirectory() || scenario.name.startsWith('_')) continue
      for (const file of readdirSync(join(clientDir, scenario.name)).sort()) {
        if (!file.endsWith('.json')) continue
        const full = join(clientDir, scenario.name, file)
        const parsed = JSON.parse(readFileSync(full, 'utf8')) as unknown
        for (const record of Array.isArray(parsed) ? parsed : [parsed]) {
          const capture = record as { method?: string; path?: string; query?: Record<string, string>; headers?: Record<string, string>; body?: unknown }
          if (capture.method !== 'POST' || !capture.path || !replayedPaths.has(capture.path)) continue
          captures.push({
            name: relative(capturesDir, full),
            path: capture.path,
            query: capture.query ?? {},
            headers: capture.headers ?? {},
            body: resolveBlobs(capture.body, clientDir) as Record<string, unknown>,
          })
        }
      }
    }
  }
  return captures
}
