/** What the mock knows about a model: its thinking mode and input kinds (Model Studio model list, deep-thinking guide). */
export interface DashScopeMockModel {
  id: string
  /** `hybrid`: `enable_thinking` switches it; `always`: a thinking-only model; `none`: no thinking mode. */
  thinking: 'hybrid' | 'always' | 'none'
  /** Whether a hybrid model thinks when `enable_thinking` is not sent (open-source Qwen3: yes; commercial: no). */
  thinksByDefault: boolean
  /** Thinking mode (or the whole model) only streams: a non-streaming call is refused. */
  streamOnlyThinking: boolean
  /** The model refuses non-streaming calls altogether (QwQ). */
  streamOnly: boolean
  /** Largest `thinking_budget`. */
  maxThinkingBudget: number
  /** Takes `image_url` parts. */
  vision: boolean
  /** Reports `finish_reason: "stop"` next to tool calls (seen on Qwen in production, seed §10.1). */
  toolCallsFinishWithStop: boolean
}

const model = (id: string, traits: Partial<DashScopeMockModel>): DashScopeMockModel => ({
  id,
  thinking: 'hybrid',
  thinksByDefault: false,
  streamOnlyThinking: false,
  streamOnly: false,
  maxThinkingBudget: 81_920,
  vision: false,
  toolCallsFinishWithStop: false,
  ...traits,
})

export const dashScopeMockModels: DashScopeMockModel[] = [
  model('qwen-plus', {}),
  model('qwen-flash', {}),
  model('qwen3-max', {}),
  model('qwen3-vl-plus', { vision: true }),
  model('qwen3-32b', { thinksByDefault: true, streamOnlyThinking: true, maxThinkingBudget: 38_912 }),
  model('qwq-plus', { thinking: 'always', thinksByDefault: true, streamOnlyThinking: true, streamOnly: true, maxThinkingBudget: 32_768 }),
  model('qwen3-coder-plus', { thinking: 'none', toolCallsFinishWithStop: true }),
]

export function findDashScopeMockModel(id: string): DashScopeMockModel | undefined {
  return dashScopeMockModels.find((candidate) => candidate.id === id)
}

/** Whether the request ends up in thinking mode. */
export function dashScopeThinks(model: DashScopeMockModel, enableThinking: unknown): boolean {
  if (model.thinking === 'none') return false
  if (model.thinking === 'always') return true
  return typeof enableThinking === 'boolean' ? enableThinking : model.thinksByDefault
}

/** GET /models, as the compatible mode lists them. */
export function dashScopeMockModelList(): Record<string, unknown> {
  return { object: 'list', data: [...dashScopeMockModels.map((entry) => entry.id), 'text-embedding-v4'].map((id) => ({ id, object: 'model', created: 1_735_689_600, owned_by: 'system' })) }
}
