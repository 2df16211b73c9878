import { describe, expect, test } from 'vitest'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { StartupError } from '../../errors/startup-error'
import { azureOpenAiUrl } from './azure-openai-url'
import { parseAzureOpenAiConfig } from './parse-azure-openai-config'

const entry = (fields: Record<string, unknown>) => ({ id: 'az', type: 'azure-openai', priority: 0, enabled: true, baseUrl: 'https://res.openai.azure.com', apiKey: 'k', ...fields }) as ProviderConfig
const failure = (fields: Record<string, unknown>) => {
  try {
    parseAzureOpenAiConfig(entry(fields))
  } catch (error) {
    expect(StartupError.isInstance(error)).toBe(true)
    return (error as Error).message
  }
  throw new Error('expected a StartupError')
}

describe('parseAzureOpenAiConfig', () => {
  test('defaults: deployments surface, api-version 2024-10-21, no deployments', () => {
    expect(parseAzureOpenAiConfig(entry({}))).toEqual({
      instanceId: 'az',
      endpoint: 'https://res.openai.azure.com',
      apiKey: 'k',
      deployments: {},
      models: [],
      surface: 'deployments',
      apiVersion: '2024-10-21',
      headers: {},
    })
  })

  test('the v1 surface has no api-version unless one is configured', () => {
    expect(parseAzureOpenAiConfig(entry({ surface: 'v1' })).apiVersion).toBeUndefined()
    expect(parseAzureOpenAiConfig(entry({ surface: 'v1', apiVersion: 'preview' })).apiVersion).toBe('preview')
  })

  test.each(['https://res.openai.azure.com/', 'https://res.openai.azure.com/openai', 'https://res.openai.azure.com/openai/v1/'])('%s is the resource endpoint', (baseUrl) => {
    expect(parseAzureOpenAiConfig(entry({ baseUrl })).endpoint).toBe('https://res.openai.azure.com')
  })

  test('mistakes stop start-up naming the field', () => {
    expect(failure({ deployment: { a: 'b' } })).toMatch(/^Provider "az" \(azure-openai\): .*deployment/)
    expect(failure({ surface: 'v2' })).toMatch(/surface: /)
    expect(failure({ deployments: { 'gpt-4o': '' } })).toMatch(/deployments\.gpt-4o: /)
    expect(failure({ baseUrl: undefined })).toMatch(/baseUrl: the resource endpoint is required/)
    expect(failure({ apiKey: undefined })).toMatch(/apiKey: required/)
  })

  test('a credential in headers stands in for apiKey (an APIM gateway)', () => {
    expect(parseAzureOpenAiConfig(entry({ apiKey: undefined, headers: { 'Api-Key': 'from-header' } })).apiKey).toBeUndefined()
  })
})

describe('azureOpenAiUrl', () => {
  const endpoint = 'https://res.cognitiveservices.azure.com'
  test('deployments surface: the deployment in the path, api-version in the query', () => {
    expect(azureOpenAiUrl({ endpoint, surface: 'deployments', apiVersion: '2024-10-21' }, '/chat/completions', 'prod gpt')).toBe(`${endpoint}/openai/deployments/prod%20gpt/chat/completions?api-version=2024-10-21`)
    expect(azureOpenAiUrl({ endpoint, surface: 'deployments', apiVersion: '2024-10-21' }, '/embeddings', 'emb')).toBe(`${endpoint}/openai/deployments/emb/embeddings?api-version=2024-10-21`)
  })

  test('v1 surface: no deployment segment, no query unless configured', () => {
    expect(azureOpenAiUrl({ endpoint, surface: 'v1' }, '/chat/completions', 'prod-gpt')).toBe(`${endpoint}/openai/v1/chat/completions`)
    expect(azureOpenAiUrl({ endpoint, surface: 'v1', apiVersion: 'preview' }, '/embeddings', 'e')).toBe(`${endpoint}/openai/v1/embeddings?api-version=preview`)
  })
})
