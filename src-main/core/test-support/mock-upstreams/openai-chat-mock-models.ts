/** GET /v1/models of the mock: model objects as the real API lists them (plus the quirk-mode names). */
export const openAiMockModels = [
  { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
  { id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system' },
  { id: 'o4-mini', object: 'model', created: 1744225351, owned_by: 'system' },
  { id: 'text-embedding-3-small', object: 'model', created: 1705948997, owned_by: 'system' },
  { id: 'quirk-empty-choices', object: 'model', created: 1700000000, owned_by: 'mock' },
  { id: 'quirk-tool-stop', object: 'model', created: 1700000000, owned_by: 'mock' },
  { id: 'quirk-tooluse-ids', object: 'model', created: 1700000000, owned_by: 'mock' },
  { id: 'quirk-args-first-chunk', object: 'model', created: 1700000000, owned_by: 'mock' },
  { id: 'quirk-ignores-stream', object: 'model', created: 1700000000, owned_by: 'mock' },
]
