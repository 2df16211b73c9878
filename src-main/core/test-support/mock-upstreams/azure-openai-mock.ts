import type { Server } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import { Hono, type Context } from 'hono'
import { annotateAzureChunks, annotateAzureCompletion, filteredReplyText } from './azure-openai-mock-annotate'
import { azureInferenceApiVersions, azureV1ApiVersions } from './azure-openai-mock-api-versions'
import {
  azureAccessDenied,
  azureApiVersionNotSupported,
  azureContentFilterError,
  azureDeploymentNotFound,
  azureErrorForStatus,
  azureInvalidToken,
  azureOperationNotSupported,
  azureResourceNotFound,
  type AzureMockError,
} from './azure-openai-mock-errors'
import { validateAzureChatRequest } from './azure-openai-mock-validate'
import { listenOnLoopback } from './listen-on-loopback'
import { isRecord } from './openai-chat-is-record'
import { buildOpenAiChatChunks } from './openai-chat-mock-chunks'
import { buildOpenAiChatCompletion } from './openai-chat-mock-completion'
import { answerOpenAiEmbeddings } from './openai-chat-mock-embeddings'
import { openAiErrorForStatus } from './openai-chat-mock-error'
import { mockId, planOpenAiChatReply, textOf, type OpenAiChatReplyPlan } from './openai-chat-mock-reply'
import { createOpenAiChatSseBody } from './openai-chat-sse-body'
import { readHonoMockRequest } from './read-hono-mock-request'

/**
 * A strict local stand-in for an Azure OpenAI resource on 127.0.0.1, both surfaces:
 *   POST /openai/deployments/{deployment}/chat/completions?api-version=…   (and …/embeddings)
 *   POST /openai/v1/chat/completions                                       (and /openai/v1/embeddings; `model` = deployment)
 * It rejects what Azure rejects, in Azure's bodies: a missing or wrong `api-key` (401), `Authorization:
 * Bearer` with anything but the key on v1 (Azure reads it as an Entra ID token; the deployments surface
 * takes none), a deployments path without `api-version` (404) or with an unknown one (400), an unknown
 * deployment (404 DeploymentNotFound), chat on an embeddings deployment and back (400
 * OperationNotSupported), and every body the OpenAI chat mock rejects (unknown message fields in Azure's
 * words). Answers follow the OpenAI chat mock's markers, annotated as Azure annotates them: a leading
 * `choices: []` chunk with `prompt_filter_results`, `content_filter_results` on every choice. Two more:
 *   FILTERED          `Hello from the`, then finish_reason `content_filter` (the output filter stopped it)
 *   ERROR:400FILTER   the 400 `code: "content_filter"` of a prompt the filter rejected, with `innererror`
 * Deployments map to models (`prod-gpt` → `mock-gpt` by default); the reply's `model` is the deployment's
 * model, and a model name containing `embedding` makes an embeddings deployment.
 */
export interface AzureOpenAiMockOptions {
  /** The resource key: `api-key: <apiKey>` (both surfaces) or `Authorization: Bearer <apiKey>` (v1). */
  apiKey: string
  /** Deployment name → model it serves. */
  deployments?: Record<string, string>
}

export interface RecordedAzureRequest {
  method: string
  path: string
  /** The query string's parameters (`api-version`). */
  query: Record<string, string>
  headers: Record<string, string>
  /** The parsed JSON body (the raw text when it was not JSON; undefined for GET). */
  body: unknown
  clientClosed: boolean
}

export interface AzureOpenAiMock {
  /** The resource endpoint (what `https://NAME.openai.azure.com` is for the real thing). */
  url: string
  requests: RecordedAzureRequest[]
  close(): Promise<void>
}

export const defaultAzureMockDeployments: Record<string, string> = {
  'prod-gpt': 'mock-gpt',
  'gpt-4o-mini': 'gpt-4o-mini',
  'prod-embed': 'text-embedding-3-small',
}

type Surface = 'deployments' | 'v1'
type MockEnv = { Variables: { record: RecordedAzureRequest } }
type Operation = 'chatCompletion' | 'embeddings'

export async function startAzureOpenAiMock(options: AzureOpenAiMockOptions): Promise<AzureOpenAiMock> {
  const requests: RecordedAzureRequest[] = []
  const deployments = options.deployments ?? defaultAzureMockDeployments
  const app = new Hono<MockEnv>()

  app.use(async (c, next) => {
    // Assigned onto the shared record itself, so its `clientClosed` stays live.
    const record: RecordedAzureRequest = Object.assign(await readHonoMockRequest(c), { query: Object.fromEntries(new URL(c.req.url).searchParams) })
    requests.push(record)
    c.set('record', record)
    await next()
  })

  /** Auth first (Azure's 401 says "invalid subscription key or wrong API endpoint"), then api-version, then the deployment. */
  function admit(c: Context<MockEnv>, surface: Surface, operation: Operation, deployment: string | undefined): { model: string; apiVersion?: string } | AzureMockError {
    const record = c.get('record')
    const denied = checkAzureAuthorization(record.headers, surface, options.apiKey)
    if (denied) return denied
    const apiVersion = record.query['api-version']
    if (surface === 'deployments' && apiVersion === undefined) return azureResourceNotFound()
    if (apiVersion !== undefined && !(surface === 'deployments' ? azureInferenceApiVersions : azureV1ApiVersions).has(apiVersion)) return azureApiVersionNotSupported()
    if (deployment === undefined) return { model: '', apiVersion }
    const model = deployments[deployment]
    if (model === undefined) return azureDeploymentNotFound()
    if (model.includes('embedding') !== (operation === 'embeddings')) return azureOperationNotSupported(operation, model)
    return { model, apiVersion }
  }

  function chat(c: Context<MockEnv>, surface: Surface, pathDeployment?: string): Response {
    const body = c.get('record').body
    const named = isRecord(body) && typeof body.model === 'string' ? body.model : undefined
    // v1 reads the deployment from `model` (its absence is the validator's "you must provide a model parameter").
    const admitted = admit(c, surface, 'chatCompletion', surface === 'v1' ? named : pathDeployment)
    if ('status' in admitted) return sendError(c, admitted)
    const problem = validateAzureChatRequest(surface === 'deployments' && isRecord(body) && body.model === undefined ? { ...body, model: pathDeployment } : body, admitted.apiVersion)
    if (problem) return sendError(c, problem)
    const request = body as { messages: Array<Record<string, unknown>>; tools?: unknown; stream?: boolean; stream_options?: { include_usage?: boolean } }
    const marker = textOf([...request.messages].reverse().find((message) => message.role === 'user')?.content)
    if (marker.includes('ERROR:400FILTER')) return sendError(c, azureContentFilterError())
    let plan: OpenAiChatReplyPlan = planOpenAiChatReply({ ...request, model: admitted.model })
    if (plan.failure) return sendError(c, azureErrorForStatus(plan.failure.status, plan.failure, admitted.apiVersion ?? 'v1'))
    const annotation = { filtered: marker.includes('FILTERED') }
    if (annotation.filtered) plan = { ...plan, text: filteredReplyText, reasoning: undefined, toolCalls: [], finishReason: 'stop' }
    if (request.stream !== true) {
      if (plan.midstreamError) return sendError(c, azureErrorForStatus(500, openAiErrorForStatus(500), admitted.apiVersion ?? 'v1'))
      return c.json(annotateAzureCompletion(buildOpenAiChatCompletion(plan), annotation), 200, { 'apim-request-id': mockId('apim-') })
    }
    const { chunks, done } = buildOpenAiChatChunks(plan, request.stream_options?.include_usage === true)
    const delayMs = plan.slow ? 25 : plan.splitCharacters ? 2 : 0
    const lines = annotateAzureChunks(chunks, annotation).map((chunk) => JSON.stringify(chunk))
    return c.body(createOpenAiChatSseBody(lines, { done, splitCharacters: plan.splitCharacters, delayMs }), 200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'apim-request-id': mockId('apim-'),
    })
  }

  function embeddings(c: Context<MockEnv>, surface: Surface, pathDeployment?: string): Response {
    const body = c.get('record').body
    const named = isRecord(body) && typeof body.model === 'string' ? body.model : undefined
    const admitted = admit(c, surface, 'embeddings', surface === 'v1' ? named : pathDeployment)
    if ('status' in admitted) return sendError(c, admitted)
    // The answer names the deployment's model, as Azure's does.
    const answer = answerOpenAiEmbeddings(isRecord(body) && admitted.model ? { ...body, model: admitted.model } : body)
    return c.json(answer.json as object, answer.status as 200)
  }

  app.post('/openai/deployments/:deployment/chat/completions', (c) => chat(c, 'deployments', c.req.param('deployment')))
  app.post('/openai/deployments/:deployment/embeddings', (c) => embeddings(c, 'deployments', c.req.param('deployment')))
  app.post('/openai/v1/chat/completions', (c) => chat(c, 'v1'))
  app.post('/openai/v1/embeddings', (c) => embeddings(c, 'v1'))
  app.notFound((c) => sendError(c, azureResourceNotFound()))

  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  const listener = await listenOnLoopback(server)

  return {
    url: listener.origin,
    requests,
    close: listener.close,
  }
}

/** `api-key` wins when present; a Bearer is an Entra ID token, except the key itself on v1 (the openai SDK's way). */
function checkAzureAuthorization(headers: Record<string, string>, surface: Surface, apiKey: string): AzureMockError | undefined {
  const key = headers['api-key']
  if (key !== undefined) return key === apiKey ? undefined : azureAccessDenied()
  const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1]
  if (bearer !== undefined) return surface === 'v1' && bearer === apiKey ? undefined : azureInvalidToken()
  return azureAccessDenied()
}

function sendError(c: Context<MockEnv>, error: AzureMockError): Response {
  return c.json(error.body as object, error.status as 400, { 'apim-request-id': mockId('apim-'), ...error.headers })
}
