import { describe, expect, test } from 'vitest'
import { describeOpenAiError } from './describe-openai-error'

describe('describeOpenAiError reads the error shapes compatible servers send', () => {
  test.each([
    ['OpenAI', { error: { message: 'Bad key', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }, 400, { message: 'Bad key', code: 'invalid_api_key', status: 401 }],
    ['OpenAI mid-stream server_error', { error: { message: 'Oops', type: 'server_error', param: null, code: null } }, 502, { message: 'Oops', code: undefined, status: 500 }],
    ['Ollama', { error: 'model "x" not found, try pulling it first' }, 404, { message: 'model "x" not found, try pulling it first', status: 404 }],
    ['vLLM', { object: 'error', message: 'max_tokens is too large', type: 'BadRequestError', param: null, code: 400 }, 400, { message: 'max_tokens is too large', code: undefined, status: 400 }],
    ['FastAPI detail string', { detail: 'Not authenticated' }, 401, { message: 'Not authenticated', code: undefined, status: 401 }],
    ['FastAPI validation list', { detail: [{ loc: ['body', 'messages'], msg: 'field required', type: 'missing' }] }, 422, { message: 'field required', code: undefined, status: 422 }],
    ['Gemini array', [{ error: { code: 429, message: 'Resource exhausted', status: 'RESOURCE_EXHAUSTED' } }], 429, { message: 'Resource exhausted', code: undefined, status: 429 }],
    ['not an object', 'Bad Gateway', 502, { status: 502 }],
  ])('%s', (_name, json, fallback, expected) => {
    expect(describeOpenAiError(json, fallback)).toEqual(expected)
  })
})
