/** What the mock knows about a Kimi model (models overview, parameter comparison, thinking guides). */
export interface KimiMockModel {
  id: string
  /** `effort`: always thinks, `reasoning_effort` low/high/max (K3); `always` (K2.7 Code); `switch`: `thinking.type`, on by default (K2.5/K2.6); `none` (moonshot-v1). */
  thinking: 'effort' | 'always' | 'switch' | 'none'
  vision: boolean
  /** temperature / top_p / penalties / n pinned by the platform (kimi-* models). */
  fixedSampling: boolean
  /** Refuses tool_choice `required` or a named tool while thinking (K2.6, K2.7). */
  refusesForcedToolChoiceWhileThinking: boolean
  contextLength: number
}

const model = (id: string, traits: Partial<KimiMockModel>): KimiMockModel => ({
  id,
  thinking: 'switch',
  vision: true,
  fixedSampling: true,
  refusesForcedToolChoiceWhileThinking: false,
  contextLength: 262_144,
  ...traits,
})

export const kimiMockModels: KimiMockModel[] = [
  model('kimi-k3', { thinking: 'effort' }),
  model('kimi-k2.7-code', { thinking: 'always', refusesForcedToolChoiceWhileThinking: true }),
  model('kimi-k2.7-code-highspeed', { thinking: 'always', refusesForcedToolChoiceWhileThinking: true }),
  model('kimi-k2.6', { refusesForcedToolChoiceWhileThinking: true }),
  model('kimi-k2.5', {}),
  model('moonshot-v1-8k', { thinking: 'none', vision: false, fixedSampling: false, contextLength: 8192 }),
  model('moonshot-v1-32k', { thinking: 'none', vision: false, fixedSampling: false, contextLength: 32_768 }),
  model('moonshot-v1-128k', { thinking: 'none', vision: false, fixedSampling: false, contextLength: 131_072 }),
  model('moonshot-v1-8k-vision-preview', { thinking: 'none', fixedSampling: false, contextLength: 8192 }),
]

export function findKimiMockModel(id: string): KimiMockModel | undefined {
  return kimiMockModels.find((candidate) => candidate.id === id)
}

/** Whether the request ends up thinking: K3 and K2.7 always, K2.x unless `thinking.type` is disabled. */
export function kimiThinks(model: KimiMockModel, thinking: unknown): boolean {
  if (model.thinking === 'none') return false
  if (model.thinking !== 'switch') return true
  return (thinking as { type?: unknown } | undefined)?.type !== 'disabled'
}

/** GET /v1/models as Moonshot lists them. */
export function kimiMockModelList(): Record<string, unknown> {
  const data = kimiMockModels.map((entry) => ({ id: entry.id, object: 'model', created: 1_767_225_600, owned_by: 'moonshot', root: entry.id, parent: null, context_length: entry.contextLength, permission: [] }))
  return { object: 'list', data }
}
