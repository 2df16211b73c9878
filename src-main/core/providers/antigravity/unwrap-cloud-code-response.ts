import type { ParseResult } from '../../sse/parse-json-event-stream'
import type { GeminiResponse } from '../gemini/gemini-api'
import type { CloudCodeResponse } from './cloud-code-api'

/** `{response, traceId}` → the Gemini answer inside; the trace id stands in for a missing responseId. */
export function unwrapCloudCodeResponse(envelope: CloudCodeResponse): GeminiResponse {
  const inner = envelope.response ?? {}
  const responseId = inner.responseId ?? envelope.traceId
  const error = envelope.error ?? inner.error
  return { ...inner, ...(responseId ? { responseId } : {}), ...(error ? { error } : {}) }
}

/** The same for every chunk of a stream; unreadable chunks pass as they are. */
export function createCloudCodeUnwrapTransform(): TransformStream<ParseResult<CloudCodeResponse>, ParseResult<GeminiResponse>> {
  return new TransformStream({
    transform(result, controller) {
      controller.enqueue(result.success ? { ...result, value: unwrapCloudCodeResponse(result.value) } : result)
    },
  })
}
