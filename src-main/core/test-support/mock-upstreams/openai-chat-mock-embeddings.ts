import { createHash } from 'node:crypto'
import { isRecord } from './openai-chat-is-record'
import { invalidType, invalidValue, missingParameter, openAiMockError, type OpenAiMockError } from './openai-chat-mock-error'

const knownParameters = new Set(['model', 'input', 'dimensions', 'encoding_format', 'user'])
export const defaultMockEmbeddingDimensions = 8

/** POST /v1/embeddings: validated like the real API, answered with deterministic unit-range vectors. */
export function answerOpenAiEmbeddings(body: unknown): { status: number; json: unknown; headers?: Record<string, string> } {
  const problem = validateEmbeddingsRequest(body)
  if (problem) return { status: problem.status, json: problem.body }
  const request = body as { model: string; input: unknown; dimensions?: number; encoding_format?: string }
  const inputs = Array.isArray(request.input) && (request.input.length === 0 || typeof request.input[0] !== 'number') ? (request.input as unknown[]) : [request.input]
  const dimensions = request.dimensions ?? defaultMockEmbeddingDimensions
  const data = inputs.map((input, index) => {
    const vector = mockVector(JSON.stringify(input), dimensions)
    const embedding = request.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector
    return { object: 'embedding', index, embedding }
  })
  const tokens = inputs.reduce<number>((sum, input) => sum + Math.ceil(JSON.stringify(input).length / 4), 0)
  return { status: 200, json: { object: 'list', data, model: request.model, usage: { prompt_tokens: tokens, total_tokens: tokens } } }
}

export function mockVector(seed: string, dimensions: number): number[] {
  const vector: number[] = []
  for (let block = 0; vector.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}:${seed}`).digest()
    for (let offset = 0; offset + 2 <= digest.length && vector.length < dimensions; offset += 2) vector.push(Math.round((digest.readUInt16LE(offset) / 65535) * 2000 - 1000) / 1000)
  }
  return vector
}

function validateEmbeddingsRequest(body: unknown): OpenAiMockError | undefined {
  if (!isRecord(body)) return openAiMockError(400, 'We could not parse the JSON body of your request.')
  for (const key of Object.keys(body)) if (!knownParameters.has(key)) return openAiMockError(400, `Unrecognized request argument supplied: ${key}`)
  if (typeof body.model !== 'string' || body.model === '') return openAiMockError(400, 'you must provide a model parameter')
  if (body.input === undefined) return missingParameter('input')
  const input = body.input
  const valid =
    typeof input === 'string' ||
    (Array.isArray(input) && input.length > 0 && (input.every((item) => typeof item === 'string') || input.every((item) => typeof item === 'number') || input.every((item) => Array.isArray(item) && item.every((token) => typeof token === 'number'))))
  if (!valid) return invalidType('input', 'a string, an array of strings or an array of token arrays', input)
  if (body.encoding_format !== undefined && body.encoding_format !== 'float' && body.encoding_format !== 'base64') return invalidValue('encoding_format', body.encoding_format, ['float', 'base64'])
  if (body.dimensions !== undefined && (!Number.isInteger(body.dimensions) || (body.dimensions as number) < 1)) {
    return openAiMockError(400, `Invalid 'dimensions': integer below minimum value. Expected a value >= 1, but got ${String(body.dimensions)} instead.`, { param: 'dimensions', code: 'integer_below_min_value' })
  }
  return undefined
}
