import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getHeapSpaceStatistics } from 'node:v8'
import { afterEach, expect, test, vi } from 'vitest'
import { startTestHost } from '../test-support/start-test-host'
import { memoryReducingCollection, releaseMemoryWhenIdle } from './release-memory-when-idle'

const IDLE_MS = 80
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let server: Server | undefined
let stopWatching: (() => void) | undefined

afterEach(async () => {
  stopWatching?.()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = undefined
})

/**
 * A loopback server watched by releaseMemoryWhenIdle (collections counted, not run). Its `/hold` responses
 * stay open until `release()`; everything else answers at once.
 */
async function startWatchedServer() {
  const held: Array<() => void> = []
  server = createServer((incoming, response) => {
    if (incoming.url !== '/hold') return response.end('ok')
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.write('data: first\n\n')
    held.push(() => response.end('data: last\n\n'))
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  let count = 0
  const idle = releaseMemoryWhenIdle(server, { idleMs: IDLE_MS, collect: () => count++ })
  stopWatching = idle.stop
  return {
    /** Resolves at the first byte of the answer. */
    get: (path: string) =>
      new Promise<void>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path, agent: false }, (response) => {
          response.once('data', () => resolve())
          response.resume()
        })
          .on('error', reject)
          .end()
      }),
    release: () => held.splice(0).forEach((end) => end()),
    collections: () => count,
    reaches: (n: number) => vi.waitFor(() => expect(count).toBe(n), { timeout: 2000, interval: 10 }),
    stop: idle.stop,
  }
}

test('collects once after start-up and once after each busy spell, never while a response is open', async () => {
  const watched = await startWatchedServer()
  await watched.reaches(1)
  await sleep(IDLE_MS * 4)
  expect(watched.collections()).toBe(1) // nothing happened since: nothing to give back

  await watched.get('/hold') // a stream that stays open far longer than the quiet spell
  await sleep(IDLE_MS * 5)
  expect(watched.collections()).toBe(1)

  watched.release()
  await watched.reaches(2)
  await watched.get('/quick')
  await watched.get('/quick')
  await watched.reaches(3)
  await sleep(IDLE_MS * 4)
  expect(watched.collections()).toBe(3)
})

test('a response still open when the quiet spell of an earlier one ends is waited for', async () => {
  const watched = await startWatchedServer()
  await watched.reaches(1)
  await watched.get('/quick') // arms the next check
  await watched.get('/hold') // and this one is open when it runs
  await sleep(IDLE_MS * 5)
  expect(watched.collections()).toBe(1)
  watched.release()
  await watched.reaches(2)
})

test('requests that keep coming postpone the collection until they stop', async () => {
  const watched = await startWatchedServer()
  await watched.reaches(1)
  const until = performance.now() + IDLE_MS * 6
  while (performance.now() < until) {
    await watched.get('/quick')
    await sleep(IDLE_MS / 4)
  }
  expect(watched.collections()).toBe(1)
  await watched.reaches(2)
})

test('stop() ends it: no collection afterwards, also when a response open at stop() ends later', async () => {
  const watched = await startWatchedServer()
  await watched.get('/quick')
  await watched.get('/hold')
  watched.stop()
  watched.release()
  await sleep(IDLE_MS * 4)
  expect(watched.collections()).toBe(0)
})

test('the real collection shrinks a young generation grown by surviving garbage back to its minimum', () => {
  const collect = memoryReducingCollection()
  expect(collect).toBeTypeOf('function')
  const youngMb = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size / 1048576
  // Objects that survive a few scavenges make V8 grow the young generation (as requests in flight do).
  const kept: unknown[][] = []
  for (let round = 0; round < 30; round++) {
    kept.push(Array.from({ length: 200_000 }, (_, i) => ({ i, text: `x${i}` })))
    if (kept.length > 3) kept.shift()
  }
  kept.length = 0
  expect(youngMb()).toBeGreaterThan(8)
  collect!()
  expect(youngMb()).toBeLessThanOrEqual(2)
})

test('the gateway shrinks its heap after idleMemoryReleaseSeconds and logs it at debug level', async () => {
  const gateway = await startTestHost({ env: { OMNILLM_IDLE_MEMORY_RELEASE: '0.1', OMNILLM_LOG_LEVEL: 'debug' } })
  try {
    await vi.waitFor(() => expect(gateway.consoleLines.join('')).toContain('idle: heap shrunk back'), { timeout: 5000, interval: 20 })
  } finally {
    await gateway.close()
  }
})

test('idleMemoryReleaseSeconds 0 turns it off', async () => {
  const gateway = await startTestHost({ env: { OMNILLM_IDLE_MEMORY_RELEASE: '0', OMNILLM_LOG_LEVEL: 'debug' } })
  try {
    await fetch(`${gateway.url}/healthz`)
    await sleep(400)
    expect(gateway.consoleLines.join('')).not.toContain('idle: heap shrunk back')
  } finally {
    await gateway.close()
  }
})
