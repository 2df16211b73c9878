import type { OpenAiMockError } from './openai-chat-mock-error'

/**
 * A rejection as Azure sends it. Azure's own layers answer in their own shapes: the gateway's
 * `{"error":{"code","message"}}`, the token check's `{"statusCode","message"}`, and the content filter's
 * OpenAI-style error with `status` and `innererror`; the model service's 400s are OpenAI's.
 */
export interface AzureMockError {
  status: number
  body: unknown
  headers?: Record<string, string>
}

const filterLink = 'https://go.microsoft.com/fwlink/?linkid=2198766'

export function azureAccessDenied(): AzureMockError {
  return {
    status: 401,
    body: {
      error: {
        code: '401',
        message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      },
    },
  }
}

/** `Authorization: Bearer` is an Entra ID token to Azure; one it cannot verify gets this. */
export function azureInvalidToken(): AzureMockError {
  return { status: 401, body: { statusCode: 401, message: 'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.' } }
}

/** A path Azure does not serve, including a deployments path without `api-version`. */
export function azureResourceNotFound(): AzureMockError {
  return { status: 404, body: { error: { code: '404', message: 'Resource not found' } } }
}

export function azureApiVersionNotSupported(): AzureMockError {
  return { status: 400, body: { error: { code: 'BadRequest', message: 'API version not supported' } } }
}

export function azureDeploymentNotFound(): AzureMockError {
  return {
    status: 404,
    body: { error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.' } },
  }
}

/** Chat on an embeddings deployment, or the other way round. */
export function azureOperationNotSupported(operation: 'chatCompletion' | 'embeddings', model: string): AzureMockError {
  return {
    status: 400,
    body: {
      error: {
        code: 'OperationNotSupported',
        message: `The ${operation} operation does not work with the specified model, ${model}. Please choose different model and try again. You can learn more about which models can be used with each operation here: https://go.microsoft.com/fwlink/?linkid=2197993.`,
      },
    },
  }
}

/** The prompt tripped the content filter (marker `ERROR:400FILTER`). */
export function azureContentFilterError(): AzureMockError {
  return {
    status: 400,
    body: {
      error: {
        message: `The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: ${filterLink}`,
        type: null,
        param: 'prompt',
        code: 'content_filter',
        status: 400,
        innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { ...safeFilterResults(), jailbreak: { filtered: false, detected: false }, violence: { filtered: true, severity: 'medium' } } },
      },
    },
  }
}

/** What the `ERROR:<status>` marker answers with: Azure's own bodies where Azure's layers answer, else the model service's. */
export function azureErrorForStatus(status: number, openAiError: OpenAiMockError, apiVersion: string): AzureMockError {
  switch (status) {
    case 401:
      return azureAccessDenied()
    case 404:
      return azureDeploymentNotFound()
    case 429:
      return {
        status: 429,
        body: {
          error: {
            code: '429',
            message: `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${apiVersion} have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 7 seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`,
          },
        },
        headers: { 'retry-after': '7', 'retry-after-ms': '7000' },
      }
    case 500:
      return { status: 500, body: { error: { code: 'InternalServerError', message: 'The service is temporarily unable to process your request. Please try again later.' } } }
    default:
      return { status: openAiError.status, body: openAiError.body, headers: openAiError.headers }
  }
}

/** The four categories every prompt and completion is annotated with. */
export function safeFilterResults(): Record<string, { filtered: boolean; severity: string }> {
  return {
    hate: { filtered: false, severity: 'safe' },
    self_harm: { filtered: false, severity: 'safe' },
    sexual: { filtered: false, severity: 'safe' },
    violence: { filtered: false, severity: 'safe' },
  }
}

/** The completion annotation of an answer the output filter stopped (marker `FILTERED`). */
export function filteredOutputResults(): Record<string, { filtered: boolean; severity: string }> {
  return { ...safeFilterResults(), violence: { filtered: true, severity: 'medium' } }
}

/** `prompt_filter_results`: the prompt annotation Azure sends first (streams) or at the top level (JSON). */
export function promptFilterResults(): unknown[] {
  return [{ prompt_index: 0, content_filter_results: { ...safeFilterResults(), jailbreak: { filtered: false, detected: false } } }]
}
