import { pino } from 'pino'
import { afterAll, describe, expect, test } from 'vitest'
import type { z } from 'zod'
import { providerConfigSchema } from '../config/gateway-config-schema'
import { StartupError } from '../errors/startup-error'
import { anthropicFieldsSchema } from './anthropic/anthropic-provider-config'
import { antigravityFieldsSchema } from './antigravity/parse-antigravity-config'
import { azureOpenAiFieldsSchema } from './azure-openai/parse-azure-openai-config'
import { dashScopeFieldsSchema } from './dashscope/parse-dashscope-config'
import { createUpstreamHttpClient } from './http/upstream-http-client'
import { githubCopilotFieldsSchema } from './github-copilot/parse-github-copilot-config'
import { kimiFieldsSchema } from './kimi/parse-kimi-config'
import { openAiCompatibleFieldsSchema } from './openai-compatible/parse-openai-compatible-config'
import type { ProviderDefinition, ProviderSettingField, ProviderSettingKind } from './provider-definition'
import { providerDefinitions } from './registry'
import { testInstanceSecrets } from '../test-support/test-instance-secrets'

const http = createUpstreamHttpClient({ allowLocalEndpoints: true })
const logger = pino({ level: 'silent' })
afterAll(() => http.close())

const definitions = providerDefinitions.map((definition) => [definition.type, definition] as const)
const testApiKey = 'sk-test-0123456789'

/** The entry as load-config sees it (the common fields checked by the config file's schema), then the type's own parser. */
function create(definition: ProviderDefinition, entry: Record<string, unknown>) {
  return definition.create({ config: providerConfigSchema.parse({ id: 'x', type: definition.type, ...entry }), http, logger, secrets: testInstanceSecrets() })
}

function field(definition: ProviderDefinition, name: string): ProviderSettingField | undefined {
  return definition.settings.fields.find((candidate) => candidate.name === name)
}

/** A base URL the type accepts: its default, else its placeholder (azure has no default). */
function validBaseUrl(definition: ProviderDefinition): string {
  const baseUrl = field(definition, 'baseUrl')
  return String(baseUrl?.default ?? baseUrl?.placeholder ?? 'https://upstream.example/v1')
}

/** Types that sign in (OAuth) take no apiKey; their other required fields (an OAuth client) are filled in. */
function validEntry(definition: ProviderDefinition): Record<string, unknown> {
  const required = definition.settings.fields.filter((setting) => setting.required && setting.name !== 'baseUrl').map((setting) => [setting.name, validValues(definition, setting)[0]])
  return { baseUrl: validBaseUrl(definition), ...(definition.signIn ? {} : { apiKey: testApiKey }), ...Object.fromEntries(required) }
}

/** Values the form could send for a field: every choice, both booleans, the default, one example per kind. */
function validValues(definition: ProviderDefinition, setting: ProviderSettingField): unknown[] {
  const examples: Record<ProviderSettingKind, () => unknown[]> = {
    text: () => ['sample-text'],
    url: () => [setting.name === 'baseUrl' ? validBaseUrl(definition) : String(setting.placeholder ?? 'https://upstream.example/v1')],
    secret: () => [testApiKey],
    boolean: () => [true, false],
    number: () => [1024],
    choice: () => [...(setting.choices ?? [])],
    'string-map': () => [{ sample: 'value' }],
    'string-list': () => [['sample-model']],
    json: () => {
      if (setting.placeholder === undefined) throw new Error(`${setting.name}: a json field needs a placeholder that is a valid example`)
      return [JSON.parse(setting.placeholder)]
    },
  }
  return [...examples[setting.kind](), ...(setting.default === undefined ? [] : [setting.default])]
}

/** A value of the wrong kind, which a parser that really reads the field refuses. */
const wrongValues: Record<ProviderSettingKind, unknown> = {
  text: 42,
  url: 'not a url',
  secret: 42,
  boolean: 'yes',
  number: 'many',
  choice: 'surprise-choice',
  'string-map': 'not-a-map',
  'string-list': 'not-a-list',
  json: 42,
}

const defaultTypes: Record<ProviderSettingKind, string | undefined> = {
  text: 'string',
  url: 'string',
  secret: undefined,
  boolean: 'boolean',
  number: 'number',
  choice: 'string',
  'string-map': undefined,
  'string-list': undefined,
  json: undefined,
}

/** `apiKey`, `accessToken`, `clientSecret`, `password`; not `defaultMaxTokens` (a count, not a token), nor `tokenUrl` (an endpoint). */
function looksLikeCredential(name: string): boolean {
  const words = name.split(/(?=[A-Z])|[-_]/).map((word) => word.toLowerCase())
  return !words.includes('url') && words.some((word) => ['key', 'token', 'secret', 'password', 'credential', 'credentials'].includes(word))
}

/**
 * The own-field schemas the parsers export, so every field a parser takes must appear in the descriptor.
 * `undefined`: the parser keeps its schema private, and only the checks above hold its descriptor to it.
 */
const ownFieldSchemas: Record<string, z.ZodObject | undefined> = {
  'openai-compatible': openAiCompatibleFieldsSchema,
  'azure-openai': azureOpenAiFieldsSchema,
  dashscope: dashScopeFieldsSchema,
  kimi: kimiFieldsSchema,
  anthropic: anthropicFieldsSchema,
  gemini: undefined,
  'github-copilot': githubCopilotFieldsSchema,
  antigravity: antigravityFieldsSchema,
}

/** Types whose parser ignores fields it does not know (a typo silently falls back to a default). Keep honest: see the test. */
const typesIgnoringUnknownFields = new Set<string>([])

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}

describe.each(definitions)('%s settings', (_type, definition) => {
  test('every field has a name, a label and a description, and the common fields are there', () => {
    expect(definition.settings.fields.length).toBeGreaterThan(0)
    for (const setting of definition.settings.fields) {
      expect(setting.name, JSON.stringify(setting)).toMatch(/^[a-z][A-Za-z0-9]*$/)
      expect(setting.label.trim(), setting.name).not.toBe('')
      expect(setting.description.trim(), setting.name).not.toBe('')
    }
    expect(definition.settings.fields.map((setting) => setting.name)).toEqual(expect.arrayContaining(['baseUrl', ...(definition.signIn ? [] : ['apiKey']), 'models', 'nonStreamingFallback', 'firstByteTimeoutMs', 'idleTimeoutMs']))
  })

  test('field names are unique', () => {
    const names = definition.settings.fields.map((setting) => setting.name)
    expect(names).toEqual([...new Set(names)])
  })

  test('choice fields list their choices and default to one of them; other kinds have none', () => {
    for (const setting of definition.settings.fields) {
      if (setting.kind !== 'choice') {
        expect(setting.choices, setting.name).toBeUndefined()
        continue
      }
      expect(setting.choices?.length, setting.name).toBeGreaterThan(1)
      if (setting.default !== undefined) expect(setting.choices, setting.name).toContain(setting.default)
    }
  })

  test('defaults fit their kind (secrets, maps, lists and JSON have none)', () => {
    for (const setting of definition.settings.fields) {
      if (setting.default === undefined) continue
      expect(typeof setting.default, setting.name).toBe(defaultTypes[setting.kind])
    }
  })

  test('the nonStreamingFallback default is the type’s own', () => {
    expect(field(definition, 'nonStreamingFallback')?.default).toBe(definition.defaults?.nonStreamingFallback ?? false)
  })

  test('every credential-looking field is a secret', () => {
    const credentials = definition.settings.fields.filter((setting) => looksLikeCredential(setting.name))
    if (!definition.signIn) expect(credentials.map((setting) => setting.name)).toContain('apiKey')
    for (const setting of credentials) expect(setting.kind, setting.name).toBe('secret')
  })

  test('the config accepts every field with every value the form can send', () => {
    for (const setting of definition.settings.fields) {
      for (const value of validValues(definition, setting)) {
        const error = thrown(() => create(definition, { ...validEntry(definition), [setting.name]: value }))
        expect(error, `${setting.name}: ${JSON.stringify(value)}`).toBeUndefined()
      }
    }
  })

  test('the config reads every field: a value of the wrong kind is refused', () => {
    for (const setting of definition.settings.fields) {
      const value = wrongValues[setting.kind]
      expect(() => create(definition, { ...validEntry(definition), [setting.name]: value }), `${setting.name}: ${JSON.stringify(value)}`).toThrow()
    }
  })

  test('required fields are exactly what the config cannot do without', () => {
    const required = definition.settings.fields.filter((setting) => setting.required)
    const minimal = Object.fromEntries(required.map((setting) => [setting.name, validValues(definition, setting)[0]]))
    expect(thrown(() => create(definition, minimal))).toBeUndefined()
    for (const setting of required) {
      const { [setting.name]: _left, ...without } = minimal
      expect(StartupError.isInstance(thrown(() => create(definition, without))), `without ${setting.name}`).toBe(true)
    }
  })

  test('a made-up field is refused (or the type is listed as ignoring unknown fields)', () => {
    const error = thrown(() => create(definition, { ...validEntry(definition), surpriseField: 'surprise' }))
    if (typesIgnoringUnknownFields.has(definition.type)) expect(error).toBeUndefined()
    else {
      expect(StartupError.isInstance(error), error === undefined ? 'surpriseField was accepted' : String(error)).toBe(true)
      expect((error as Error).message).toMatch(/surpriseField/)
    }
  })

  test('the descriptor names every own field the parser takes', () => {
    expect(ownFieldSchemas).toHaveProperty([definition.type])
    const schema = ownFieldSchemas[definition.type]
    if (!schema) return
    const names = definition.settings.fields.map((setting) => setting.name)
    expect(names).toEqual(expect.arrayContaining(Object.keys(schema.shape)))
  })
})
