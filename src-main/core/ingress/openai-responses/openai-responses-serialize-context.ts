import type { CifAssistantPart } from '../../cif'
import type { SerializeContext } from '../stream-serializer'
import type { ResponseObject } from './build-response-object'
import type { OpenAiResponsesEcho } from './openai-responses-echo'
import type { ToolNameMap } from './tool-name-map'

/** What the Responses serializers know beyond the shared context: the id to answer with and the request. */
export interface OpenAiResponsesSerializeContext extends SerializeContext {
  /** `resp_…`, decided before the upstream call so the store and the client agree. */
  responseId: string
  echo: OpenAiResponsesEcho
  toolNames: ToolNameMap
}

/** A finished response: the object the client got, and its output as CIF parts (with the item ids shown). */
export interface CompletedOpenAiResponse {
  response: ResponseObject
  output: CifAssistantPart[]
}
