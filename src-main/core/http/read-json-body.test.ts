import { Hono } from 'hono'
import { describe, expect, test } from 'vitest'
import { GatewayError } from '../errors/gateway-error'
import { jsonNestingDepth } from './json-nesting-depth'
import { maxJsonNestingDepth, readJsonBody } from './read-json-body'

const nested = (levels: number) => `{"model":"m","tools":[${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}]}`

describe('jsonNestingDepth', () => {
  test('counts arrays and objects, not brackets inside strings or after escapes', () => {
    expect(jsonNestingDepth('1')).toBe(0)
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4)
    expect(jsonNestingDepth('{"a":"[[[{{{","b":"\\"[[["}')).toBe(1)
    expect(jsonNestingDepth('{"a":"\\\\","b":[[]]}')).toBe(3)
  })

  test('stops once past the limit', () => {
    expect(jsonNestingDepth('['.repeat(100_000), 10)).toBe(11)
  })
})

describe('readJsonBody', () => {
  const app = new Hono()
  app.post('/', async (c) => c.json(await readJsonBody(c)))
  app.onError((error, c) => (GatewayError.isInstance(error) ? c.json({ status: error.status, message: error.message }) : c.json({ status: 500, message: String(error) })))
  const post = async (body: string) => (await app.request('/', { method: 'POST', body })).json() as Promise<{ status?: number; message?: string }>

  // Regression: a well-formed body 10 000 levels deep got through and JSON.stringify overflowed the stack
  // while forwarding it (a 500 "Internal gateway error"); see src-main/core/abuse/fuzz.test.ts.
  test('a body nested deeper than the limit is a 400, before it is parsed', async () => {
    expect(await post(nested(10_000))).toEqual({ status: 400, message: `The request body nests arrays and objects more than ${maxJsonNestingDepth} levels deep.` })
    expect(await post('['.repeat(maxJsonNestingDepth + 1))).toMatchObject({ status: 400 })
  })

  test('a body at the limit is parsed as usual', async () => {
    expect(await post(nested(maxJsonNestingDepth - 2))).toMatchObject({ model: 'm' })
  })
})
