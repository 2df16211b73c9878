import type { Migration } from '../migration'

/**
 * The store behind the Responses API's `previous_response_id`, `item_reference` and
 * `GET /v1/responses/{id}`: it makes those work over any upstream, not only over OpenAI.
 */
export const openAiResponseStore: Migration = {
  version: 2,
  name: 'openai-response-store',
  up(db) {
    db.exec(`
      CREATE TABLE responses (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        model TEXT NOT NULL,
        -- The canonical conversation that led to this response (system prompts from input items and
        -- every message, this turn's input included); request-level instructions are not part of it.
        request TEXT NOT NULL CHECK (json_valid(request)),
        -- The canonical assistant parts the response produced.
        output TEXT NOT NULL CHECK (json_valid(output)),
        -- The response object as the client saw it, for GET /v1/responses/{id}.
        response TEXT NOT NULL CHECK (json_valid(response)),
        status TEXT NOT NULL
      ) STRICT;

      CREATE INDEX responses_created_at ON responses (created_at);

      -- Every input and output item that carried an id, for item_reference. An id seen again in a later
      -- response (a client resending its history) points at the newest one.
      CREATE TABLE response_items (
        id TEXT PRIMARY KEY,
        response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
        item TEXT NOT NULL CHECK (json_valid(item))
      ) STRICT;

      CREATE INDEX response_items_response_id ON response_items (response_id);
    `)
  },
}
