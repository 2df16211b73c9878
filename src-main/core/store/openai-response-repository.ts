import type { CifAssistantPart, CifMessage, CifSystemPart } from '../cif'
import type { Database } from './database'

/** What a later request continues from: the system prompts that came as input items, and the messages. */
export interface StoredConversation {
  system: CifSystemPart[]
  messages: CifMessage[]
}

/** One stored Responses API answer. */
export interface StoredOpenAiResponse {
  /** `resp_…` */
  id: string
  /** ISO-8601 UTC. */
  createdAt: string
  model: string
  conversation: StoredConversation
  output: CifAssistantPart[]
  /** The response object exactly as the client received it. */
  response: Record<string, unknown>
  status: string
}

export type NewOpenAiResponse = Omit<StoredOpenAiResponse, 'createdAt'> & {
  /** Defaults to now. */
  createdAt?: Date
  /** The items (input and output) that carry an id, for `item_reference`. */
  items: Array<{ id: string; item: Record<string, unknown> }>
}

export interface OpenAiResponseRepository {
  save(response: NewOpenAiResponse): void
  get(id: string): StoredOpenAiResponse | undefined
  /** An input or output item of a stored response, by its id, as the client sent or received it. */
  findItem(id: string): Record<string, unknown> | undefined
  /** Deletes responses (and their items) created before `date`; returns how many responses. */
  prune(olderThan: Date): number
}

interface ResponseRow {
  id: string
  created_at: string
  model: string
  request: string
  output: string
  response: string
  status: string
}

/** Rows are only ever written by `save`, so reading them back trusts their shape. */
export function createOpenAiResponseRepository(
  db: Database,
  clock: { now: () => Date } = { now: () => new Date() },
): OpenAiResponseRepository {
  const insertResponse = db.prepare<[ResponseRow]>(`
    INSERT INTO responses (id, created_at, model, request, output, response, status)
    VALUES (@id, @created_at, @model, @request, @output, @response, @status)
  `)
  const upsertItem = db.prepare<[string, string, string]>(`
    INSERT INTO response_items (id, response_id, item) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET response_id = excluded.response_id, item = excluded.item
  `)
  const getResponse = db.prepare<[string], ResponseRow>('SELECT * FROM responses WHERE id = ?')
  const getItem = db.prepare<[string], { item: string }>('SELECT item FROM response_items WHERE id = ?')
  const pruneResponses = db.prepare<[string]>('DELETE FROM responses WHERE created_at < ?')

  const save = db.transaction((response: NewOpenAiResponse) => {
    insertResponse.run({
      id: response.id,
      created_at: (response.createdAt ?? clock.now()).toISOString(),
      model: response.model,
      request: JSON.stringify(response.conversation),
      output: JSON.stringify(response.output),
      response: JSON.stringify(response.response),
      status: response.status,
    })
    for (const { id, item } of response.items) upsertItem.run(id, response.id, JSON.stringify(item))
  })

  return {
    save: (response) => save(response),
    get(id) {
      const row = getResponse.get(id)
      if (row === undefined) return undefined
      return {
        id: row.id,
        createdAt: row.created_at,
        model: row.model,
        conversation: JSON.parse(row.request) as StoredConversation,
        output: JSON.parse(row.output) as CifAssistantPart[],
        response: JSON.parse(row.response) as Record<string, unknown>,
        status: row.status,
      }
    },
    findItem(id) {
      const row = getItem.get(id)
      return row === undefined ? undefined : (JSON.parse(row.item) as Record<string, unknown>)
    },
    prune: (olderThan) => pruneResponses.run(olderThan.toISOString()).changes,
  }
}
