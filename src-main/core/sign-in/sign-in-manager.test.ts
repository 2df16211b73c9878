import { pino } from 'pino'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { providerConfigSchema } from '../config/gateway-config-schema'
import { createUpstreamHttpClient } from '../providers/http/upstream-http-client'
import { providerDefinitions } from '../providers/registry'
import { createMemorySecretStore } from '../secrets/memory-secret-store'
import { startGithubMock, type GithubMock } from '../test-support/mock-upstreams/github-mock'
import { createSignInManager, type SignInFlowState } from './sign-in-manager'

let github: GithubMock
const http = createUpstreamHttpClient({ allowLocalEndpoints: true })
beforeAll(async () => {
  github = await startGithubMock({ interval: 0 })
})
afterAll(async () => {
  await github.close()
  await http.close()
})

function manager() {
  const secrets = createMemorySecretStore()
  const configs = ['one', 'two', 'three'].map((id) => providerConfigSchema.parse({ id, type: 'github-copilot', githubUrl: github.url, githubApiUrl: github.url }))
  configs.push(providerConfigSchema.parse({ id: 'plain', type: 'openai-compatible', apiKey: 'sk-test-0123456789' }))
  return { secrets, signIn: createSignInManager({ configs, definitions: providerDefinitions, http, secrets, logger: pino({ level: 'silent' }) }) }
}

const until = async (read: () => SignInFlowState, status: SignInFlowState['status']) => {
  await expect.poll(() => read().status, { timeout: 5000 }).toBe(status)
  return read()
}

test('two flows at once: start answers at once with the code; one is approved, the other denied', async () => {
  const { signIn, secrets } = manager()
  const changes: SignInFlowState[] = []
  signIn.onChange((state) => changes.push(state))
  const [one, two] = await Promise.all([signIn.start('one'), signIn.start('two')])
  expect(one).toMatchObject({ instanceId: 'one', status: 'pending', progress: { step: 'device-code' } })
  expect(two).toMatchObject({ instanceId: 'two', status: 'pending', progress: { step: 'device-code' } })
  expect(one.flowId).not.toBe(two.flowId)
  expect(signIn.list().map((flow) => flow.status)).toEqual(['pending', 'pending'])

  github.approve((one.progress as { userCode: string }).userCode)
  github.deny((two.progress as { userCode: string }).userCode)
  expect(await until(() => signIn.status(one.flowId), 'succeeded')).toMatchObject({ account: 'octocat' })
  expect(await until(() => signIn.status(two.flowId), 'failed')).toMatchObject({ message: 'The GitHub sign-in was denied.' })
  expect(await secrets.get('provider:one:githubToken')).toMatch(/^gho_/)
  expect(await secrets.get('provider:two:githubToken')).toBeUndefined()
  expect(changes.map((change) => `${change.instanceId}:${change.status}`)).toEqual(expect.arrayContaining(['one:pending', 'two:pending', 'one:succeeded', 'two:failed']))
  expect(JSON.stringify(signIn.list())).not.toMatch(/gho_/)
})

test('cancel ends a pending flow; a new start for the same instance replaces the old one', async () => {
  const { signIn } = manager()
  const first = await signIn.start('three')
  const second = await signIn.start('three')
  expect(signIn.status(first.flowId).status).toBe('cancelled')
  expect(signIn.cancel(second.flowId).status).toBe('cancelled')
  const polls = github.requests.length
  await new Promise((resolve) => setTimeout(resolve, 30))
  expect(github.requests.length).toBe(polls)
})

test('types without sign-in and unknown ids are refused clearly', async () => {
  const { signIn } = manager()
  await expect(signIn.start('plain')).rejects.toMatchObject({ code: 'sign_in_unsupported' })
  await expect(signIn.start('missing')).rejects.toMatchObject({ code: 'unknown_provider' })
  expect(() => signIn.status('nope')).toThrow(/No sign-in/)
})
