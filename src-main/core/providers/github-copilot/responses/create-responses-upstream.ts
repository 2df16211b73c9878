import type { CifRequest, CifResult, CifStreamPart } from '../../../cif'
import { parseJsonEventStream } from '../../../sse/parse-json-event-stream'
import { endStreamWithErrorPart } from '../../end-stream-with-error-part'
import type { UpstreamHttpClient } from '../../http/upstream-http-client'
import { readOpenAiJsonResponse } from '../../openai-compatible/read-openai-json-response'
import { readOpenAiUpstreamError } from '../../openai-compatible/read-openai-upstream-error'
import type { ProviderCallOptions } from '../../provider-definition'
import { buildResponsesRequestBody } from './build-responses-request-body'
import { convertResponsesResponse } from './convert-responses-response'
import { createResponsesStreamTransform } from './responses-stream-transform'
import { responsesResponseSchema, responsesStreamEventSchema } from './responses-upstream-api'

export interface ResponsesUpstream {
  generate(request: CifRequest, options: ProviderCallOptions): Promise<CifResult>
  stream(request: CifRequest, options: ProviderCallOptions): Promise<ReadableStream<CifStreamPart>>
}

/** POST {baseUrl}/responses, for models served only there. Errors come in OpenAI's shape. */
export function createResponsesUpstream(config: { instanceId: string; baseUrl: string; http: UpstreamHttpClient }): ResponsesUpstream {
  const { instanceId } = config
  const post = (json: unknown, options: ProviderCallOptions, accept: string) =>
    config.http.request({ instanceId, url: `${config.baseUrl}/responses`, method: 'POST', headers: { accept }, json, signal: options.signal })

  return {
    async generate(request, options) {
      const built = buildResponsesRequestBody(request, { instanceId, stream: false })
      const response = await post(built.body, options, 'application/json')
      const answer = await readOpenAiJsonResponse(instanceId, response, responsesResponseSchema)
      return convertResponsesResponse(answer, { instanceId, warnings: built.warnings })
    },
    async stream(request, options) {
      const built = buildResponsesRequestBody(request, { instanceId, stream: true })
      const response = await post(built.body, options, 'text/event-stream')
      if (response.status < 200 || response.status >= 300) throw await readOpenAiUpstreamError(instanceId, response)
      const parts = parseJsonEventStream(response.body, responsesStreamEventSchema).pipeThrough(createResponsesStreamTransform({ instanceId, warnings: built.warnings }))
      return endStreamWithErrorPart(parts, instanceId, options.signal, 'Responses')
    },
  }
}
