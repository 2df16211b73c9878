import type { CifReasoningConfig, CifRequest } from '../../cif'

export interface ReasoningHandoff {
  /** The request without `reasoning`, for the chat base (which would send `reasoning_effort`). */
  withhold(request: CifRequest): CifRequest
  /** The withheld reasoning of a request `withhold` returned, for `transformRequestBody`. */
  reasoningOf(request: CifRequest): CifReasoningConfig | undefined
}

/**
 * Kimi switches thinking per model family (`thinking: {type}` on K2.x, `reasoning_effort` low/high/max on
 * K3), so the chat base must not see the request's reasoning (it would send OpenAI's effort and warn about
 * the wrong translation). The reasoning travels next to the request, keyed by the object, to the body
 * transform.
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
