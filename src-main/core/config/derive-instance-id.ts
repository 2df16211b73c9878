import { createHmac } from 'node:crypto'

const hashKey = 'omnillm-instance-id'
const maxHostSlugLength = 40

/**
 * The id of a provider entry that has none: `<type>-<host slug>-<8 hex>`, e.g.
 * `openai-compatible-api-openai-com-1a2b3c4d` (`<type>-<8 hex>` without a baseUrl). The 8 hex digits are
 * the start of HMAC-SHA256(key "omnillm-instance-id", `type|normalised endpoint|credential`): the same
 * entry gets the same id on every start, two keys for the same endpoint get different ids, and no
 * character of the key (which is never stored, logged or shown) can be read back from it. Lowercase
 * letters, digits and "-" only, so it is a valid `id:model` prefix.
 */
export function deriveInstanceId(entry: { type: string; baseUrl?: string; apiKey?: string }): string {
  const endpoint = entry.baseUrl === undefined ? undefined : new URL(entry.baseUrl)
  const normalisedEndpoint = endpoint ? `${endpoint.protocol}//${endpoint.host}${endpoint.pathname.replace(/\/+$/, '')}` : ''
  const digest = createHmac('sha256', hashKey).update(`${entry.type}|${normalisedEndpoint}|${entry.apiKey ?? ''}`).digest('hex').slice(0, 8)
  const hostSlug = endpoint ? slug(endpoint.hostname).slice(0, maxHostSlugLength).replace(/-+$/, '') : ''
  return [slug(entry.type), hostSlug, digest].filter((part) => part !== '').join('-')
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
