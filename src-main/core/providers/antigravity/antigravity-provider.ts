import type { CifDialect, CifRequest } from '../../cif'
import { UpstreamError } from '../../errors/upstream-error'
import { parseJsonEventStream } from '../../sse/parse-json-event-stream'
import { countTextTokens } from '../../tokens'
import { VERSION } from '../../version'
import { buildGeminiRequestBody } from '../gemini/build-gemini-request-body'
import { convertGeminiResponse } from '../gemini/convert-gemini-response'
import { createGeminiStreamTransform } from '../gemini/gemini-stream-transform'
import { readGeminiUpstreamError } from '../gemini/gemini-upstream-error'
import { endStreamWithErrorPart } from '../end-stream-with-error-part'
import { parseUpstreamJson } from '../http/parse-upstream-json'
import { readUpstreamText } from '../http/read-upstream-text'
import type { UpstreamResponse } from '../http/upstream-http-client'
import type { ModelInfo, Provider, ProviderCallOptions, ProviderContext } from '../provider-definition'
import { availableModelsSchema, cloudCodeResponseSchema, cloudCodeTokenCountSchema } from './cloud-code-api'
import { createGoogleTokenSource } from './create-google-token-source'
import { discoverCloudCodeProject, type CloudCodeCall } from './discover-cloud-code-project'
import { parseAntigravityConfig } from './parse-antigravity-config'
import { createCloudCodeUnwrapTransform, unwrapCloudCodeResponse } from './unwrap-cloud-code-response'

/** The inner requests and answers are Gemini's; like the gemini type, nothing is ever forwarded. */
const geminiDialect = 'gemini' as unknown as CifDialect

/** Listed when the upstream has no fetchAvailableModels (a replica, an older deployment). */
export const defaultAntigravityModels = ['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-3-pro-preview']

interface SendRequest {
  json?: unknown
  accept?: string
}

/**
 * One `antigravity` instance: Gemini models through the Cloud Code assistant (`v1internal`), signed in with
 * the user's Google account. Requests are Gemini GenerateContentRequests (the gemini adapter's builder)
 * inside `{model, project, user_prompt_id, request}`; answers are Gemini responses inside `{response}`,
 * converted by the gemini adapter's converters. The access token comes from the instance's secrets and is
 * refreshed before it expires and once on a 401.
 */
export function createAntigravityProvider(context: ProviderContext): Provider {
  const config = parseAntigravityConfig(context.config)
  const instanceId = config.instanceId
  const tokens = createGoogleTokenSource({ config, http: context.http, secrets: context.secrets, logger: context.logger })
  /** Discovered projects by account, so a sign-in with another account discovers its own. */
  const projects = new Map<string, Promise<string>>()

  async function post(pathAndQuery: string, token: string, options: ProviderCallOptions, request: SendRequest): Promise<UpstreamResponse> {
    return context.http.request({
      instanceId,
      url: `${config.baseUrl}${pathAndQuery}`,
      method: request.json === undefined ? 'GET' : 'POST',
      headers: { accept: request.accept ?? 'application/json', authorization: `Bearer ${token}`, 'user-agent': `omnillm/${VERSION}` },
      ...(request.json === undefined ? {} : { json: request.json }),
      signal: options.signal,
    })
  }

  /** Resolves only on a 2xx answer. A 401 refreshes the token once and retries; a second 401 says to sign in again. */
  async function send(pathAndQuery: string, options: ProviderCallOptions, request: SendRequest = {}): Promise<UpstreamResponse> {
    const first = await tokens.accessToken(options.signal)
    let response = await post(pathAndQuery, first.token, options, request)
    if (response.status === 401) {
      await response.body.cancel().catch(() => undefined)
      const renewed = await tokens.refreshAfterRejection(first.token, options.signal)
      response = await post(pathAndQuery, renewed.token, options, request)
      if (response.status === 401) {
        const error = await readGeminiUpstreamError(instanceId, response)
        throw new UpstreamError({ instanceId, status: 401, code: 'sign_in_required', message: `Cloud Code refused the Google sign-in of provider "${instanceId}" (antigravity): ${error.message} Run \`omnillm auth antigravity\` to sign in again.` })
      }
    }
    if (response.status >= 200 && response.status < 300) return response
    throw await readGeminiUpstreamError(instanceId, response)
  }

  const callWith =
    (options: ProviderCallOptions): CloudCodeCall =>
    async (path, json, schema, what) => {
      const response = await send(path, options, json === undefined ? {} : { json })
      return parseUpstreamJson(instanceId, await readUpstreamText(response), schema, what, 'Cloud Code')
    }

  async function project(options: ProviderCallOptions): Promise<string> {
    if (config.project) return config.project
    const { account = '' } = await tokens.accessToken(options.signal)
    let found = projects.get(account)
    if (!found) {
      // Not tied to the request that started it, so a cancelled request does not fail the others.
      found = discoverCloudCodeProject(instanceId, callWith({ ...options, signal: AbortSignal.timeout(120_000) }), AbortSignal.timeout(120_000))
      projects.set(account, found)
      found.catch(() => projects.delete(account))
    }
    return found
  }

  const build = (request: CifRequest) => buildGeminiRequestBody(request)
  const upstreamModel = (model: string) => model.replace(/^models\//, '')
  const envelope = async (request: CifRequest, options: ProviderCallOptions, body: unknown) => ({
    model: upstreamModel(request.model),
    project: await project(options),
    user_prompt_id: options.requestId,
    request: body,
  })

  async function availableModels(options: ProviderCallOptions) {
    return callWith(options)('/v1internal:fetchAvailableModels', { project: await project(options) }, availableModelsSchema, 'model list')
  }

  return {
    id: instanceId,
    type: 'antigravity',
    dialect: geminiDialect,
    passthroughOperations: [],

    async listModels(options) {
      let models
      try {
        models = (await availableModels(options)).models ?? {}
      } catch (error) {
        if (!UpstreamError.isUpstreamError(error) || error.upstreamStatus !== 404) throw error
        context.logger.debug({ instanceId }, 'the upstream has no fetchAvailableModels; listing the default models')
        return defaultAntigravityModels.map((id): ModelInfo => ({ id, ownedBy: 'google' }))
      }
      return Object.keys(models).map((id): ModelInfo => ({ id, ownedBy: ownerOf(id) }))
    },

    async generate(request, options) {
      const built = build(request)
      const response = await send('/v1internal:generateContent', options, { json: await envelope(request, options, built.body) })
      const answer = parseUpstreamJson(instanceId, await readUpstreamText(response), cloudCodeResponseSchema, 'response', 'Cloud Code')
      if (!answer.response) throw new UpstreamError({ instanceId, status: 502, code: 'invalid_response', message: `The Cloud Code upstream of provider "${instanceId}" sent an answer without a response.` })
      return convertGeminiResponse(unwrapCloudCodeResponse(answer), { instanceId, customToolNames: built.customToolNames, warnings: built.warnings })
    },

    async stream(request, options) {
      const built = build(request)
      const response = await send('/v1internal:streamGenerateContent?alt=sse', options, { json: await envelope(request, options, built.body), accept: 'text/event-stream' })
      const parts = parseJsonEventStream(response.body, cloudCodeResponseSchema)
        .pipeThrough(createCloudCodeUnwrapTransform())
        .pipeThrough(createGeminiStreamTransform({ instanceId, warnings: built.warnings, customToolNames: built.customToolNames, logger: context.logger }))
      return endStreamWithErrorPart(parts, instanceId, options.signal, 'Cloud Code')
    },

    /**
     * Cloud Code counts `contents` only (`{request: {model, contents}}`): the system instruction is counted
     * as a leading user content, and the tool declarations are estimated locally.
     */
    async countTokens(request, options) {
      const built = build(request)
      const system = built.body.systemInstruction ? [{ role: 'user' as const, parts: built.body.systemInstruction.parts }] : []
      const json = { request: { model: `models/${upstreamModel(request.model)}`, contents: [...system, ...built.body.contents] } }
      const response = await send('/v1internal:countTokens', options, { json })
      const counted = parseUpstreamJson(instanceId, await readUpstreamText(response), cloudCodeTokenCountSchema, 'token count', 'Cloud Code').totalTokens ?? 0
      return counted + (built.body.tools ? countTextTokens(JSON.stringify(built.body.tools)) : 0)
    },

    /** fetchAvailableModels as it is: per model, its quota (`remainingFraction`, `resetTime`). */
    async usage(options) {
      return { project: await project(options), ...(await availableModels(options)) }
    },

    async currentToken(options) {
      return (await tokens.accessToken(options.signal)).token
    },
  }
}

function ownerOf(model: string): string {
  if (model.startsWith('claude')) return 'anthropic'
  if (model.startsWith('gpt')) return 'openai'
  return 'google'
}
