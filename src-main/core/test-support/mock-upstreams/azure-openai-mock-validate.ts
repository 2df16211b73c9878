import { checkParametersForApiVersion } from './azure-openai-mock-api-versions'
import { openAiMockError, type OpenAiMockError } from './openai-chat-mock-error'
import { validateOpenAiChatRequest } from './openai-chat-validate-request'

const noExtensions: ReadonlySet<string> = new Set()

/**
 * The OpenAI chat mock's checks, in Azure's words where Azure's own schema check answers first: an
 * unknown field inside a message or part is "Additional properties are not allowed ('parsed' was
 * unexpected) - 'messages.1'" (no param, no code), as Azure answers the openai SDK's `parsed` echo.
 * Parameters newer than the api-version are unrecognized.
 */
export function validateAzureChatRequest(body: unknown, apiVersion: string | undefined): OpenAiMockError | undefined {
  const problem = validateOpenAiChatRequest(body, noExtensions)
  if (problem?.body.error.code === 'unknown_parameter' && problem.body.error.param) {
    const path = problem.body.error.param.replace(/\[(\d+)\]/g, '.$1').split('.')
    const field = path.pop()!
    return openAiMockError(400, `Additional properties are not allowed ('${field}' was unexpected) - '${path.join('.')}'`)
  }
  return problem ?? checkParametersForApiVersion(body as Record<string, unknown>, apiVersion)
}
