import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { checkCloudCodeMockEnvelope } from './cloud-code-mock-envelope'
import { checkGeminiMockShape } from './gemini-mock-check-shape'
import { GeminiMockError, geminiMockMarkerError, geminiParseError } from './gemini-mock-error'
import { sendGeminiMockError, sendGeminiMockJson } from './gemini-mock-http'
import { geminiMockModelsFrom } from './gemini-mock-models'
import { planGeminiMockReply } from './gemini-mock-reply-plan'
import { geminiMockResponse, geminiMockStreamChunks } from './gemini-mock-response'
import { countGeminiMockPromptTokens } from './gemini-mock-token-count'
import { validateGeminiMockRequest } from './gemini-mock-validate-request'
import { validateGeminiMockTurns } from './gemini-mock-validate-turns'
import { writeGeminiMockStream } from './gemini-mock-write-stream'
import { listenOnLoopback } from './listen-on-loopback'
import { readMockRequest, type RecordedMockRequest } from './read-mock-request'

type JsonObject = Record<string, unknown>

export interface CloudCodeMockOptions {
  /** The bearer check (the Google OAuth replica's `verifyAccessToken`). */
  verifyAccessToken(token: string): { account: string } | undefined
  /** The models generation accepts and fetchAvailableModels lists (default: the Gemini replica's generation models). */
  models?: string[]
  /** Accounts already set up: loadCodeAssist names their project. Others get onboarded onto the free tier. */
  onboarded?: string[]
  /** The onboarding operation reports `done: false` this many times before it is done (default 0). */
  onboardingPolls?: number
  /** Projects of the users' own that generation accepts besides their managed ones (the standard tier). */
  userProjects?: string[]
  /** fetchAvailableModels answers 404, as an upstream without it. */
  noModelListing?: boolean
}

export interface CloudCodeMock {
  url: string
  requests: RecordedMockRequest[]
  /** The managed project of an account (set up on first use), as loadCodeAssist names it. */
  projectOf(account: string): string
  close(): Promise<void>
}

const authenticationHelp = 'Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.'

/**
 * A strict local Cloud Code assistant (`cloudcode-pa.googleapis.com/v1internal`) on 127.0.0.1: bearer
 * tokens checked against the OAuth replica; loadCodeAssist / onboardUser / operations for project
 * set-up; fetchAvailableModels; generateContent and streamGenerateContent (SSE with `alt=sse`) whose
 * `{model, project, user_prompt_id, request}` envelope is parsed here and whose inner Gemini request goes
 * through the Gemini replica's parser and validators; answers are the Gemini replica's (same markers:
 * ERROR:<status>, TOOLCALL:, WITHTHINKING, MIDSTREAM_ERROR …) inside `{response, traceId}`; countTokens.
 */
export async function startCloudCodeMock(options: CloudCodeMockOptions): Promise<CloudCodeMock> {
  const requests: RecordedMockRequest[] = []
  const models = geminiMockModelsFrom(options.models).filter((model) => model.methods.includes('generateContent'))
  const projects = new Map<string, string>()
  const operations = new Map<string, { account: string; pollsLeft: number }>()
  const signedCallIds = new Set<string>()
  for (const account of options.onboarded ?? []) projects.set(account, managedProject(account))

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => sendGeminiMockError(response, new GeminiMockError(500, `mock failure: ${(error as Error).message}`)))
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { record, url } = await readMockRequest(request, response)
    requests.push(record)
    try {
      const account = authenticate(record.headers.authorization)
      await route(record, url.searchParams, account, response)
    } catch (error) {
      if (!(error instanceof GeminiMockError)) throw error
      sendGeminiMockError(response, error)
    }
  }

  function authenticate(header: string | undefined): string {
    const token = /^Bearer (\S+)$/i.exec(header ?? '')?.[1]
    if (!token) throw new GeminiMockError(401, `Request is missing required authentication credential. ${authenticationHelp}`, [], { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' })
    const verified = options.verifyAccessToken(token)
    if (!verified) throw new GeminiMockError(401, `Request had invalid authentication credentials. ${authenticationHelp}`, [], { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' })
    return verified.account
  }

  async function route(record: RecordedMockRequest, query: URLSearchParams, account: string, response: ServerResponse): Promise<void> {
    const operation = /^\/v1internal\/(operations\/[^/]+)$/.exec(record.path)
    if (record.method === 'GET' && operation) return sendGeminiMockJson(response, 200, pollOperation(operation[1]!, account))
    const method = /^\/v1internal:([A-Za-z]+)$/.exec(record.path)?.[1]
    if (record.method !== 'POST' || !method) throw new GeminiMockError(404, `Method not found: ${record.method} ${record.path}`)
    switch (method) {
      case 'loadCodeAssist':
        checkCloudCodeMockEnvelope(record.body, 'LoadCodeAssistRequest')
        return sendGeminiMockJson(response, 200, loadCodeAssist(account))
      case 'onboardUser':
        return sendGeminiMockJson(response, 200, onboardUser(checkCloudCodeMockEnvelope(record.body, 'OnboardUserRequest'), account))
      case 'fetchAvailableModels':
        if (options.noModelListing) throw new GeminiMockError(404, `Method not found: ${record.method} ${record.path}`)
        requireProject(checkCloudCodeMockEnvelope(record.body, 'FetchAvailableModelsRequest').project, account)
        return sendGeminiMockJson(response, 200, { models: Object.fromEntries(models.map((model) => [model.id, { displayName: model.id, maxTokens: 1_048_576, quotaInfo: { remainingFraction: 1, resetTime: new Date(Date.now() + 3_600_000).toISOString() } }])) })
      case 'countTokens':
        return sendGeminiMockJson(response, 200, countTokens(checkCloudCodeMockEnvelope(record.body, 'CountTokensRequest')))
      case 'generateContent':
      case 'streamGenerateContent':
        return generate(checkCloudCodeMockEnvelope(record.body, 'GenerateContentRequest'), account, method === 'streamGenerateContent', query.get('alt') === 'sse', response)
      default:
        throw new GeminiMockError(404, `Method not found: ${record.method} ${record.path}`)
    }
  }

  function loadCodeAssist(account: string): JsonObject {
    const project = projects.get(account)
    const freeTier = { id: 'free-tier', name: 'Gemini Code Assist for individuals', isDefault: true, userDefinedCloudaicompanionProject: false }
    const standardTier = { id: 'standard-tier', name: 'Gemini Code Assist', userDefinedCloudaicompanionProject: true }
    if (project) return { currentTier: freeTier, allowedTiers: [freeTier, standardTier], cloudaicompanionProject: project, gcpManaged: false }
    return { allowedTiers: [freeTier, standardTier] }
  }

  function onboardUser(body: JsonObject, account: string): JsonObject {
    if (body.tierId !== 'free-tier') throw new GeminiMockError(400, `Precondition check failed: tier ${String(body.tierId)} needs a cloudaicompanionProject of the user's own.`)
    if (body.cloudaicompanionProject) throw new GeminiMockError(400, 'Precondition check failed: the free tier uses a managed project; do not name one.')
    const name = `operations/${randomBytes(8).toString('hex')}`
    operations.set(name, { account, pollsLeft: options.onboardingPolls ?? 0 })
    return pollOperation(name, account)
  }

  function pollOperation(name: string, account: string): JsonObject {
    const operation = operations.get(name)
    if (!operation || operation.account !== account) throw new GeminiMockError(404, `Operation ${name} not found.`)
    if (operation.pollsLeft-- > 0) return { name, done: false }
    const project = managedProject(account)
    projects.set(account, project)
    return { name, done: true, response: { '@type': 'type.googleapis.com/google.internal.cloud.code.v1internal.OnboardUserResponse', cloudaicompanionProject: { id: project, name: project } } }
  }

  function requireProject(project: unknown, account: string): void {
    if (typeof project !== 'string' || project === '') throw new GeminiMockError(400, 'Invalid project: a project is required.')
    if (project !== projects.get(account) && !(options.userProjects ?? []).includes(project)) throw new GeminiMockError(403, `Permission denied on resource project ${project}.`)
  }

  function findModel(model: unknown): string {
    const id = typeof model === 'string' ? model : ''
    if (!models.some((candidate) => candidate.id === id)) throw new GeminiMockError(404, 'Requested entity was not found.')
    return id
  }

  /** The Gemini request inside: the Gemini replica's parser (no `model` in it: the envelope names it). */
  function innerRequest(envelope: JsonObject): JsonObject {
    if (envelope.request === undefined) throw new GeminiMockError(400, 'Invalid request: request is required.')
    const inner = envelope.request as JsonObject
    if ('model' in inner) throw geminiParseError([{ field: 'request', description: `Invalid JSON payload received. Unknown name "model" at 'request': Cannot find field.` }])
    const { violations, normalized } = checkGeminiMockShape(inner, 'GenerateContentRequest')
    if (violations.length > 0) throw geminiParseError(violations.map((violation) => ({ field: `request.${violation.field}`, description: violation.description.replace(/at '/g, "at 'request.") })))
    return normalized
  }

  async function generate(envelope: JsonObject, account: string, stream: boolean, sse: boolean, response: ServerResponse): Promise<void> {
    const model = findModel(envelope.model)
    requireProject(envelope.project, account)
    const body = innerRequest(envelope)
    validateGeminiMockRequest(body)
    validateGeminiMockTurns(body.contents as JsonObject[], signedCallIds)
    const plan = planGeminiMockReply(body, signedCallIds)
    if (plan.errorStatus) throw geminiMockMarkerError(plan.errorStatus)
    if (stream && plan.streamFails) throw geminiMockMarkerError(503)
    const ids = { model, responseId: randomBytes(16).toString('base64url') }
    const traceId = randomBytes(8).toString('hex')
    if (!stream) {
      if (plan.midstreamError) throw geminiMockMarkerError(500)
      return sendGeminiMockJson(response, 200, { response: geminiMockResponse(plan, ids), traceId })
    }
    const chunks = geminiMockStreamChunks(plan, ids).map((chunk) => ('error' in chunk ? chunk : { response: chunk, traceId }))
    return writeGeminiMockStream(response, chunks, { sse, splitUnicode: plan.splitUnicode, ...(plan.slow ? { pauseMs: 40 } : {}) })
  }

  function countTokens(envelope: JsonObject): JsonObject {
    const inner = envelope.request as JsonObject | undefined
    if (!inner) throw new GeminiMockError(400, 'Invalid request: request is required.')
    const model = typeof inner.model === 'string' ? inner.model : ''
    if (!model.startsWith('models/')) throw new GeminiMockError(400, `Invalid model name: "${model}" (expected models/{model}).`)
    findModel(model.slice('models/'.length))
    const { model: _model, ...rest } = inner
    const unknown = Object.keys(rest).filter((key) => key !== 'contents')
    if (unknown.length > 0) throw geminiParseError(unknown.map((key) => ({ field: 'request', description: `Invalid JSON payload received. Unknown name "${key}" at 'request': Cannot find field.` })))
    const { violations, normalized } = checkGeminiMockShape(rest, 'CountTokensRequest')
    if (violations.length > 0) throw geminiParseError(violations)
    validateGeminiMockRequest(normalized, 'request.', 'CountTokensRequest')
    return { totalTokens: countGeminiMockPromptTokens(normalized) }
  }

  const listener = await listenOnLoopback(server)
  return {
    url: listener.origin,
    requests,
    projectOf: managedProject,
    close: listener.close,
  }
}

/** A stable managed project id per account, in the shape Google gives them. */
function managedProject(account: string): string {
  const words = ['rising', 'fact', 'clear', 'vault', 'amber', 'noble', 'swift', 'lunar']
  const hash = [...account].reduce((sum, character) => (sum * 31 + character.charCodeAt(0)) >>> 0, 7)
  return `${words[hash % 8]}-${words[(hash >> 3) % 8]}-${(hash % 90_000) + 10_000}`
}
