import { describe, expect, test } from 'vitest'
import type { JsonSchema } from '../../cif'
import { sanitizeGeminiSchema, type GeminiSchemaReport } from './sanitize-gemini-schema'

function sanitize(schema: JsonSchema) {
  const report: GeminiSchemaReport = { lossy: new Set() }
  return { schema: sanitizeGeminiSchema(schema, report), lossy: [...report.lossy].sort() }
}

describe('sanitizeGeminiSchema', () => {
  test('keywords are dropped by schema position: properties named like keywords survive', () => {
    const { schema, lossy } = sanitize({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        deprecated: { type: 'boolean', deprecated: true },
        additionalProperties: { type: 'object', properties: { $schema: { type: 'string' } }, additionalProperties: false },
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
      },
      required: ['deprecated', 'additionalProperties'],
      additionalProperties: false,
      propertyNames: { pattern: '^[a-z]+$' },
    })
    expect(schema).toEqual({
      type: 'object',
      properties: {
        deprecated: { type: 'boolean' },
        additionalProperties: { type: 'object', properties: { $schema: { type: 'string' } } },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['deprecated', 'additionalProperties'],
    })
    expect(lossy).toEqual(['additionalProperties', 'propertyNames', 'uniqueItems'])
  })

  test('$ref / $defs are inlined; recursion stops at a plain object', () => {
    const { schema, lossy } = sanitize({
      type: 'object',
      properties: { owner: { $ref: '#/$defs/Person', description: 'who owns it' }, legacy: { $ref: '#/definitions/Tag' } },
      $defs: { Person: { type: 'object', properties: { name: { type: 'string' }, manager: { $ref: '#/$defs/Person' } } } },
      definitions: { Tag: { type: 'string', enum: ['a', 'b'] } },
    })
    expect(schema.properties).toEqual({
      owner: { type: 'object', description: 'who owns it', properties: { name: { type: 'string' }, manager: { type: 'object', description: '(recursive #/$defs/Person)' } } },
      legacy: { type: 'string', enum: ['a', 'b'] },
    })
    expect(lossy).toEqual(['recursive $ref'])
  })

  test('null becomes nullable: type lists, anyOf branches, enums; several types become anyOf', () => {
    const { schema } = sanitize({
      type: 'object',
      properties: {
        maybe: { type: ['string', 'null'] },
        either: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }], description: 'a count' },
        pick: { enum: ['x', null] },
        mixed: { type: ['string', 'integer'] },
      },
    })
    expect(schema.properties).toEqual({
      maybe: { type: 'string', nullable: true },
      either: { type: 'integer', minimum: 1, description: 'a count', nullable: true },
      pick: { type: 'string', enum: ['x'], nullable: true },
      mixed: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    })
  })

  test('const → enum; non-string enums move into the description; formats Gemini rejects too', () => {
    const { schema, lossy } = sanitize({
      type: 'object',
      properties: {
        status: { anyOf: [{ type: 'string', enum: ['pending', 'done'] }, { type: 'string', const: 'deleted' }] },
        level: { type: 'integer', enum: [1, 2, 3], description: 'How loud.' },
        url: { type: 'string', format: 'uri' },
        at: { type: 'string', format: 'date-time' },
      },
    })
    expect(schema.properties).toEqual({
      status: { anyOf: [{ type: 'string', enum: ['pending', 'done'] }, { type: 'string', enum: ['deleted'] }] },
      level: { type: 'integer', description: 'How loud. Allowed values: 1, 2, 3.' },
      url: { type: 'string', description: '(format: uri)' },
      at: { type: 'string', format: 'date-time' },
    })
    expect(lossy).toEqual(['enum'])
  })

  test('exclusive bounds become inclusive (exactly for integers), allOf is merged, oneOf read as anyOf', () => {
    const { schema, lossy } = sanitize({
      allOf: [{ type: 'object', properties: { width: { type: 'integer', exclusiveMinimum: 0, maximum: 9_007_199_254_740_991 } }, required: ['width'] }, { properties: { ratio: { type: 'number', exclusiveMaximum: 1 } } }],
      properties: { shape: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
    })
    expect(schema).toEqual({
      type: 'object',
      properties: {
        width: { type: 'integer', minimum: 1, maximum: 9_007_199_254_740_991 },
        ratio: { type: 'number', maximum: 1 },
        shape: { anyOf: [{ type: 'string' }, { type: 'number' }] },
      },
      required: ['width'],
    })
    expect(lossy).toEqual(['exclusiveMaximum', 'oneOf'])
  })

  test('anyOf branches that only constrain a typed parent are dropped, not turned into values', () => {
    const { schema, lossy } = sanitize({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, anyOf: [{ required: ['a'] }, { required: ['b'] }] })
    expect(schema).toEqual({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } })
    expect(lossy).toEqual(['anyOf'])
  })

  test('untyped schemas offer every type; arrays without items and tuples are approximated', () => {
    const { schema, lossy } = sanitize({
      type: 'object',
      properties: { args: { description: 'Any JSON value' }, list: { type: 'array' }, pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] } },
      required: ['args', 'gone'],
    })
    expect(schema.properties).toEqual({
      args: { description: 'Any JSON value', anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }, { type: 'array', items: { type: 'string' } }], nullable: true },
      list: { type: 'array', items: { type: 'string' } },
      pair: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
    })
    expect(schema.required).toEqual(['args'])
    expect(lossy).toEqual(['array without items', 'tuple items', 'untyped schema'])
  })
})
