import type { Logger } from 'pino'
import type { GenerationSurface } from '../../http/handle-generation'
import type { SerializeContext } from '../stream-serializer'
import type { OpenAiResponseRepository } from '../../store/openai-response-repository'
import { createOpenAiResponsesStreamSerializer } from './create-openai-responses-stream-serializer'
import type { CompletedOpenAiResponse, OpenAiResponsesSerializeContext } from './openai-responses-serialize-context'
import { parseOpenAiResponsesRequest, type ParsedOpenAiResponsesRequest } from './parse-openai-responses-request'
import { newResponseId } from './response-ids'
import { completeOpenAiResponse } from './serialize-openai-responses-response'

/**
 * The Responses surface for ONE request: parsing reads the store (`previous_response_id`, `item_reference`),
 * and the serializers need what parsing learnt (echoed fields, namespaced tool names) and save the finished
 * response unless the client said `store: false`. So each request gets its own surface object.
 */
export function createOpenAiResponsesSurface(deps: { responses: OpenAiResponseRepository; logger: Logger }): GenerationSurface {
  const responseId = newResponseId()
  let parsed: ParsedOpenAiResponsesRequest | undefined

  const contextFor = (context: SerializeContext): OpenAiResponsesSerializeContext => {
    if (!parsed) throw new Error('the Responses surface serialises only after it parsed the request')
    return { ...context, responseId, echo: parsed.echo, toolNames: parsed.toolNames }
  }

  const save = (context: SerializeContext, completed: CompletedOpenAiResponse) => {
    if (!parsed?.store) return
    try {
      deps.responses.save({
        id: responseId,
        createdAt: new Date(context.created * 1000),
        model: context.model,
        conversation: parsed.conversation,
        output: completed.output,
        response: completed.response,
        status: completed.response.status,
        items: [...parsed.identifiedItems, ...completed.response.output.map((item) => ({ id: item.id, item: { ...item } }))],
      })
    } catch (error) {
      // The client still gets its answer; only a later previous_response_id to it will fail.
      deps.logger.error({ requestId: context.requestId, err: error, responseId }, 'could not store the response')
    }
  }

  return {
    dialect: 'openai-responses',
    parse(body, headers) {
      parsed = parseOpenAiResponsesRequest(body, headers, deps.responses)
      return parsed
    },
    serializeResult(result, context) {
      const completed = completeOpenAiResponse(result, contextFor(context))
      save(context, completed)
      return completed.response
    },
    createStreamSerializer: (context) => createOpenAiResponsesStreamSerializer(contextFor(context), (completed) => save(context, completed)),
  }
}
