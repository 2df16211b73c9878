import { Hono } from 'hono'
import { describe, expect, test } from 'vitest'
import { GatewayError } from '../errors/gateway-error'
import { seededRandom } from '../test-support/seeded-random'
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

  /** The first version, one character at a time: the reference for the one that jumps over strings. */
  function referenceDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
    let depth = 0
    let deepest = 0
    let inString = false
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (inString) {
        if (code === 0x5c) index++
        else if (code === 0x22) inString = false
      } else if (code === 0x22) inString = true
      else if (code === 0x5b || code === 0x7b) {
        depth++
        if (depth > deepest) {
          deepest = depth
          if (deepest > limit) return deepest
        }
      } else if (code === 0x5d || code === 0x7d) depth--
    }
    return deepest
  }

  test('agrees with the character-by-character reference on random texts of quotes, backslashes and brackets', () => {
    const random = seededRandom(8)
    const alphabet = ['"', '\\', '[', ']', '{', '}', 'a', ':', ',', '\\"', '"\\\\"']
    for (let round = 0; round < 5000; round++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
      const limit = random() < 0.5 ? Number.POSITIVE_INFINITY : Math.floor(random() * 4)
      expect(jsonNestingDepth(text, limit), JSON.stringify({ text, limit })).toBe(referenceDepth(text, limit))
    }
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

  test('an empty or blank body is named as such; other broken JSON gets the parser message', async () => {
    expect(await post('')).toEqual({ status: 400, message: 'The request body is empty; expected a JSON object.' })
    expect(await post(' \n\t ')).toEqual({ status: 400, message: 'The request body is empty; expected a JSON object.' })
    expect(await post('{"model":')).toMatchObject({ status: 400, message: expect.stringMatching(/^Malformed JSON body: /) })
  })

  test('a body at the limit is parsed as usual', async () => {
    expect(await post(nested(maxJsonNestingDepth - 2))).toMatchObject({ model: 'm' })
  })
})
