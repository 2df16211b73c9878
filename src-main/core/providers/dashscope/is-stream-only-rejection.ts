import { UpstreamError } from '../../errors/upstream-error'

/**
 * DashScope's 400 for a non-streaming call a model serves only as a stream (error-code guide): thinking
 * mode of the open-source Qwen3 models ("parameter.enable_thinking must be set to false for non-streaming
 * calls", "…only support stream call") and stream-only models such as QwQ ("This model only support
 * stream mode, …").
 */
export function isStreamOnlyRejection(error: unknown): boolean {
  if (!UpstreamError.isUpstreamError(error) || error.upstreamStatus !== 400) return false
  return /must be set to false for non-streaming calls|only support stream/i.test(error.message)
}
