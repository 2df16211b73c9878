import { dashScopeBodyInvalid, dashScopeInvalidParameter, dashScopeMockError, type DashScopeMockError } from './dashscope-mock-error'
import { dashScopeThinks, findDashScopeMockModel, type DashScopeMockModel } from './dashscope-mock-models'
import { validateDashScopeContent } from './dashscope-mock-validate-content'
import { isRecord } from './openai-chat-is-record'
import { validateOpenAiChatMessages } from './openai-chat-validate-messages'
import { validateOpenAiChatTools } from './openai-chat-validate-tools'

/** The top-level fields the compatible mode documents; any other is refused as a malformed body. */
const knownFields = new Set([
  'model', 'messages', 'stream', 'stream_options', 'max_tokens', 'temperature', 'top_p', 'top_k', 'presence_penalty',
  'repetition_penalty', 'seed', 'stop', 'n', 'response_format', 'tools', 'tool_choice', 'parallel_tool_calls', 'logprobs',
  'top_logprobs', 'enable_thinking', 'thinking_budget', 'preserve_thinking', 'enable_search', 'search_options',
  'translation_options', 'enable_code_interpreter', 'vl_high_resolution_images', 'modalities', 'audio',
])

/** Message fields beyond OpenAI's that DashScope takes: replayed reasoning, cache markers, prefix completion. */
const messageExtensions: ReadonlySet<string> = new Set(['reasoning_content', 'cache_control', 'partial'])

export interface ValidatedDashScopeRequest {
  model: DashScopeMockModel
  stream: boolean
  thinks: boolean
}

/** The checks DashScope makes before it generates, with its codes and messages; the first problem wins. */
export function validateDashScopeRequest(body: unknown): ValidatedDashScopeRequest | DashScopeMockError {
  if (!isRecord(body) || Object.keys(body).some((field) => !knownFields.has(field))) return dashScopeBodyInvalid()
  if (typeof body.model !== 'string' || body.model === '') return dashScopeInvalidParameter('Model not specified.')
  const model = findDashScopeMockModel(body.model)
  if (!model) return dashScopeMockError(404, `The model \`${body.model}\` does not exist or you do not have access to it.`, { code: 'model_not_found' })
  if (!Array.isArray(body.messages) || body.messages.length === 0) return dashScopeInvalidParameter('Input should be a non-empty list: messages')
  const shape = validateOpenAiChatMessages(body.messages, messageExtensions) ?? validateOpenAiChatTools(body)
  if (shape) return dashScopeInvalidParameter(shape.body.error.message)
  const problem = validateDashScopeContent(body.messages as Array<Record<string, unknown>>, model) ?? validateSampling(body) ?? validateThinking(body, model)
  if (problem) return problem
  const stream = body.stream === true
  const thinks = dashScopeThinks(model, body.enable_thinking)
  if (!stream && model.streamOnly) return dashScopeInvalidParameter('This model only support stream mode, please enable the stream parameter to access the model. ')
  if (!stream && thinks && model.streamOnlyThinking) return dashScopeMockError(400, 'parameter.enable_thinking must be set to false for non-streaming calls')
  return { model, stream, thinks }
}

/** Documented ranges: temperature [0, 2), top_p (0, 1], presence_penalty [-2, 2], top_k ≥ 0, max_tokens ≥ 1, n 1–4. */
const ranges: Array<{ name: string; check: (value: number) => boolean; range: string }> = [
  { name: 'temperature', check: (value) => value >= 0 && value < 2, range: '[0, 2)' },
  { name: 'top_p', check: (value) => value > 0 && value <= 1, range: '(0, 1]' },
  { name: 'presence_penalty', check: (value) => value >= -2 && value <= 2, range: '[-2, 2]' },
  { name: 'top_k', check: (value) => Number.isInteger(value) && value >= 0, range: '[0, inf)' },
  { name: 'max_tokens', check: (value) => Number.isInteger(value) && value >= 1, range: '[1, inf)' },
  { name: 'n', check: (value) => Number.isInteger(value) && value >= 1 && value <= 4, range: '[1, 4]' },
]

function validateSampling(body: Record<string, unknown>): DashScopeMockError | undefined {
  for (const { name, check, range } of ranges) {
    const value = body[name]
    if (value === undefined || value === null) continue
    if (typeof value !== 'number' || !check(value)) return dashScopeInvalidParameter(`Range of ${name} should be ${range}`)
  }
  if (body.stream !== undefined && typeof body.stream !== 'boolean') return dashScopeBodyInvalid()
  if (body.stream_options !== undefined && (!isRecord(body.stream_options) || typeof (body.stream_options.include_usage ?? false) !== 'boolean')) return dashScopeBodyInvalid()
  return undefined
}

function validateThinking(body: Record<string, unknown>, model: DashScopeMockModel): DashScopeMockError | undefined {
  if (body.enable_thinking !== undefined && typeof body.enable_thinking !== 'boolean') return dashScopeBodyInvalid()
  const budget = body.thinking_budget
  if (budget === undefined) return undefined
  if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1 || budget > model.maxThinkingBudget) {
    return dashScopeMockError(400, `The thinking_budget parameter must be a positive integer and not greater than ${model.maxThinkingBudget}`)
  }
  return undefined
}
