import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ProviderConfig } from '../config/gateway-config-schema'
import { providerDefinitions } from '../providers/registry'
import { startOpenAiChatMock, type OpenAiChatMock } from '../test-support/mock-upstreams/openai-chat-mock'
import { createGatewayPipeline, type GatewayPipeline } from './create-gateway-pipeline'
import { orderedInstances } from './resolve-route'

/**
 * The resolution order over real openai-compatible instances on the openai-chat mock. `live` lists its
 * models from the mock (gpt-4o, gpt-4o-mini, ...); the others list theirs in the config.
 */
let mock: OpenAiChatMock
let pipeline: GatewayPipeline
let active: string | undefined

beforeAll(async () => {
  mock = await startOpenAiChatMock()
  const instance = (id: string, models: string[] | undefined, extra: Partial<ProviderConfig> = {}): ProviderConfig => ({
    id,
    type: 'openai-compatible',
    baseUrl: mock.url,
    ...(models ? { models } : {}),
    priority: 0,
    enabled: true,
    ...extra,
  })
  pipeline = createGatewayPipeline({
    providerConfigs: [
      instance('a', ['shared', 'only-a', 'Qwen/Qwen3-Coder', 'qwen3:8b', 'b:literal', 'both-ab']),
      instance('b', ['shared', 'only-b', 'pair', 'both-ab', 'both-bc'], { priority: 5 }),
      instance('c', ['shared', 'both-bc', 'both-cd', 'claude-haiku-4-5', 'claude-sonnet-4-5-20250929', 'claude-sonnet-4-6'], { priority: 1 }),
      instance('d', ['both-cd', 'claude-sonnet-4'], { priority: 1, subtitle: 'Work' }),
      instance('live', undefined, { priority: 9 }),
      instance('off', ['only-off'], { enabled: false }),
    ],
    definitions: providerDefinitions,
    logger: pino({ level: 'silent' }),
    allowLocalEndpoints: true,
    virtualModels: [{ id: 'pair', strategy: 'priority', upstreams: [{ provider: 'd', model: 'both-cd' }, { provider: 'c', model: 'both-cd' }] }],
    activeInstanceId: () => active,
  })
})
afterAll(async () => {
  await pipeline.close()
  await mock.close()
})

const resolved = async (model: string) => {
  const route = await pipeline.resolve(model)
  return route.candidates.map((candidate) => `${candidate.provider.id}:${candidate.upstreamModel}`).join(' | ')
}

describe('resolution order', () => {
  test.each([
    // (1) an exact id on the active instance beats everything, `:` and `/` included
    ['b', 'shared', 'b:shared'],
    ['b', 'pair', 'b:pair'],
    ['a', 'b:literal', 'a:b:literal'],
    ['a', 'Qwen/Qwen3-Coder', 'a:Qwen/Qwen3-Coder'],
    ['a', 'qwen3:8b', 'a:qwen3:8b'],
    ['live', 'gpt-4o', 'live:gpt-4o'],
    // (2) an instance prefix: the rest goes upstream as written
    ['b', 'b:literal', 'b:literal'],
    ['b', 'a:anything/at:all', 'a:anything/at:all'],
    ['b', 'live:gpt-4o', 'live:gpt-4o'],
    ['live', 'a:only-a', 'a:only-a'],
    // (2) or the instance's subtitle, in any case
    ['a', 'work:claude-sonnet-4', 'd:claude-sonnet-4'],
    ['a', 'WORK:anything', 'd:anything'],
    // (3) a virtual model
    ['a', 'pair', 'd:both-cd | c:both-cd'],
    // (4) any enabled instance serving it: priority (lower first), then config order
    ['b', 'Qwen/Qwen3-Coder', 'a:Qwen/Qwen3-Coder'],
    ['b', 'qwen3:8b', 'a:qwen3:8b'],
    ['a', 'both-bc', 'c:both-bc'],
    ['c', 'both-ab', 'a:both-ab'],
    ['a', 'both-cd', 'c:both-cd'],
    ['a', 'gpt-4o-mini', 'live:gpt-4o-mini'],
    // (5) Claude Code aliases
    ['a', 'claude-sonnet-5', 'c:claude-sonnet-4-6'],
    ['d', 'claude-sonnet-5', 'd:claude-sonnet-4'],
    ['a', 'claude-haiku-4-5-20251001', 'c:claude-haiku-4-5'],
    ['a', 'claude-sonnet-4-5-20250929[1m]', 'c:claude-sonnet-4-5-20250929'],
    ['a', 'claude-opus-4-8[1m]', 'a:shared'],
    ['b', 'opus', 'b:shared'],
    ['c', 'haiku', 'c:claude-haiku-4-5'],
  ])('active %s: %s → %s', async (activeId, model, expected) => {
    active = activeId
    expect(await resolved(model)).toBe(expected)
  })

  test('with no active setting, the first enabled instance is the active one', async () => {
    active = undefined
    expect(await resolved('shared')).toBe('a:shared')
    expect(await resolved('opus')).toBe('a:shared')
  })

  test.each(['only-off', 'off:only-off', 'nope:x', 'Qwen/Qwen3', 'gpt-4'])('%s is unknown: 404 naming close matches', async (model) => {
    active = 'a'
    await expect(pipeline.resolve(model)).rejects.toMatchObject({ status: 404, code: 'model_not_found', message: expect.stringContaining(`The model "${model}" is not served`) })
  })

  test('the 404 names close matches (near misses too) and the prefixes', async () => {
    await expect(pipeline.resolve('gpt-4')).rejects.toThrow(/Did you mean "gpt-4o", .*"gpt-4o-mini".*Use "<instance>:<model>" with one of: a, b, c, d, live\./)
    await expect(pipeline.resolve('qwen/qwen3-codr')).rejects.toThrow(/Did you mean "Qwen\/Qwen3-Coder"\?/)
  })
})

test('orderedInstances: the active one, then priority, then config order', () => {
  const priorities: Record<string, number> = { a: 0, b: 5, c: 1, d: 1 }
  expect(orderedInstances(['a', 'b', 'c', 'd'], 'b', (id) => priorities[id]!)).toEqual(['b', 'a', 'c', 'd'])
  expect(orderedInstances(['a', 'b', 'c', 'd'], 'gone', (id) => priorities[id]!)).toEqual(['a', 'c', 'd', 'b'])
  expect(orderedInstances([], undefined)).toEqual([])
})

test('a subtitle that is another instance\'s id or subtitle stops start-up, naming the entry', () => {
  const entry = (id: string, subtitle?: string) => ({ id, type: 'openai-compatible', baseUrl: 'http://127.0.0.1:1/v1', models: ['m'], priority: 0, enabled: true, ...(subtitle ? { subtitle } : {}) })
  const create = (providerConfigs: ReturnType<typeof entry>[]) =>
    createGatewayPipeline({ providerConfigs, definitions: providerDefinitions, logger: pino({ level: 'silent' }), allowLocalEndpoints: true, configFile: '/etc/omnillm.json' })
  expect(() => create([entry('a', 'x'), entry('b', 'X')])).toThrow('Config file /etc/omnillm.json: providers.1.subtitle: "X" is already the id or subtitle of provider "a"')
  expect(() => create([entry('a'), entry('b', 'A')])).toThrow('providers.1.subtitle: "A" is already the id or subtitle of provider "a"')
  void create([entry('a', 'A')]).close() // its own id in another case is fine
})
