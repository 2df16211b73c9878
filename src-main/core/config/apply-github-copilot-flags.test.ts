import { expect, test } from 'vitest'
import { providerConfigSchema } from './gateway-config-schema'
import { applyGithubCopilotFlags } from './apply-github-copilot-flags'

const entry = (fields: Record<string, unknown>) => providerConfigSchema.parse(fields)

test('--github-token and --account-type apply to every github-copilot instance', () => {
  const providers = [entry({ id: 'a', type: 'github-copilot', apiKey: 'old' }), entry({ id: 'b', type: 'openai-compatible' })]
  expect(applyGithubCopilotFlags(providers, { githubToken: 'gho_new', accountType: 'business' })).toEqual([
    expect.objectContaining({ id: 'a', apiKey: 'gho_new', accountType: 'business' }),
    providers[1],
  ])
})

test('with no github-copilot instance they make one implicit instance github-copilot', () => {
  expect(applyGithubCopilotFlags([], { githubToken: 'gho_x' })).toEqual([expect.objectContaining({ id: 'github-copilot', type: 'github-copilot', apiKey: 'gho_x', enabled: true })])
  expect(applyGithubCopilotFlags([], {})).toEqual([])
  expect(() => applyGithubCopilotFlags([], { accountType: 'team' })).toThrow(/--account-type/)
})
