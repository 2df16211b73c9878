import type { CifReasoningConfig, CifRequest } from '../../cif'

export interface ReasoningHandoff {
  /** The request without `reasoning`, for the chat base (which would send `reasoning_effort`). */
  withhold(request: CifRequest): CifRequest
  /** The withheld reasoning of a request `withhold` returned, for `transformRequestBody`. */
  reasoningOf(request: CifRequest): CifReasoningConfig | undefined
}

/**
 * For a provider on the chat base whose upstream switches thinking with its own fields (DashScope's
 * `enable_thinking` / `thinking_budget`, Kimi's `thinking: {type}` on K2.x and low/high/max effort on K3):
 * the chat base must not see the request's reasoning (it would send OpenAI's `reasoning_effort` and warn
 * about the wrong translation). The reasoning travels next to the request, keyed by the object, to the
 * provider's body transform.
 */
export function createReasoningHandoff(): ReasoningHandoff {
  const withheld = new WeakMap<CifRequest, CifReasoningConfig>()
  return {
    withhold(request) {
      const { reasoning, ...rest } = request
      if (reasoning) withheld.set(rest, reasoning)
      return rest
    },
    reasoningOf: (request) => withheld.get(request),
  }
}
