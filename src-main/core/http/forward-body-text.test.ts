import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestHost, type TestHost } from '../test-support/start-test-host'

/** A same-dialect request whose model keeps its name goes upstream as the very bytes the client sent. */
let upstream: Server
const received: string[] = []
let gateway: TestHost
beforeAll(async () => {
  upstream = createServer((request, response) => {
    let text = ''
    request.setEncoding('utf8').on('data', (part) => (text += part))
    request.on('end', () => {
      received.push(text)
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }] }))
    })
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`
  gateway = await startTestHost({ config: { providers: [{ id: 'up', type: 'openai-compatible', baseUrl, apiKey: 'x', models: ['m'] }] } })
})
afterAll(async () => {
  await gateway.close()
  await new Promise((resolve) => upstream.close(resolve))
})

const send = (text: string) =>
  fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' }, body: text })

// Spacing, key order, a unicode escape and number spellings: all lost by parse + stringify.
const clientText = (model: string) => `{ "messages" : [ {"role":"user","content":"caf\\u00e9"} ],\n  "temperature": 1.0, "max_tokens": 1e2, "model": "${model}" }`

test('an unchanged model: the upstream gets the client body byte for byte', async () => {
  const response = await send(clientText('m'))
  expect(response.status, await response.clone().text()).toBe(200)
  expect(received.at(-1)).toBe(clientText('m'))
})

test('a provider prefix: the upstream gets the body with its own model name', async () => {
  const response = await send(clientText('up:m'))
  expect(response.status).toBe(200)
  expect(received.at(-1)).not.toBe(clientText('m'))
  expect(JSON.parse(received.at(-1)!)).toEqual({ ...JSON.parse(clientText('up:m')), model: 'm' })
})
