import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { setTimeout as sleep } from 'node:timers/promises'
import { Agent, request } from 'undici'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seededRandom } from '../test-support/seeded-random'
import { startTestHost, type TestHost } from '../test-support/start-test-host'
import { classifyAnswer, type Outcome, type Surface } from './classify-answer'
import { faultKinds, startFaultUpstream, type FaultKind, type FaultUpstream } from './fault-upstream'
import { mapWithConcurrency } from './send-raw'

/**
 * Thousands of requests at high concurrency through a real gateway to an upstream that injects faults
 * (errors, resets, hangs past the instance's timeouts, stalls and cuts mid-body), streaming and not, on the
 * OpenAI chat and Anthropic surfaces, each to an OpenAI-wire and an Anthropic-wire instance (passthrough
 * and translated). Every client must get a complete
 * answer or an error it can read; afterwards no socket, timer or memory may be left behind.
 */
const rounds = 3
const requestsPerRound = 700
const concurrency = 64
const clientDeadlineMs = 10_000
// Short enough that hangs cost little, long enough that a healthy answer under this load never trips them.
const timeoutsMs = { firstByteTimeoutMs: 1_000, idleTimeoutMs: 1_000 }
/** Faults by weight: mostly answers and quick errors, a tenth that wait out a timeout. */
const faultWeights: Record<FaultKind, number> = {
  ok: 40,
  'error-400': 6,
  'error-429': 6,
  'error-500': 6,
  'reset-before-headers': 8,
  'reset-mid-body': 8,
  'hang-before-headers': 4,
  'stall-mid-body': 6,
  'cut-mid-body': 8,
}

let upstream: FaultUpstream
let gateway: TestHost
/** The clients' connection pool of the round under way (undefined between rounds). */
let client: Agent | undefined

beforeAll(async () => {
  upstream = await startFaultUpstream()
  gateway = await startTestHost({
    flags: { logLevel: 'error' },
    config: {
      providers: [
        { id: 'oa-faulty', type: 'openai-compatible', baseUrl: upstream.url, models: ['soak-model'], ...timeoutsMs },
        { id: 'an-faulty', type: 'anthropic', baseUrl: upstream.origin, apiKey: 'sk-ant-soak-0123456789', models: ['soak-model'], ...timeoutsMs },
      ],
    },
  })
})
afterAll(async () => {
  await client?.close()
  client = undefined
  await gateway?.close()
  await upstream?.close()
})

/** A real collection between rounds: --expose-gc is not on vitest's command line, so switch it on here. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  gc()
}

interface Planned {
  surface: Surface
  /** The upstream wire: the same as the surface's (passthrough) or the other one (translated). */
  upstream: 'oa-faulty' | 'an-faulty'
  stream: boolean
  fault: FaultKind
}

function planRound(random: () => number): Planned[] {
  const total = faultKinds.reduce((sum, kind) => sum + faultWeights[kind], 0)
  const pickFault = (): FaultKind => {
    let roll = random() * total
    for (const kind of faultKinds) {
      roll -= faultWeights[kind]
      if (roll < 0) return kind
    }
    return 'ok'
  }
  return Array.from({ length: requestsPerRound }, () => ({
    surface: random() < 0.5 ? 'openai-chat' : 'anthropic-messages',
    upstream: random() < 0.5 ? 'oa-faulty' : 'an-faulty',
    stream: random() < 0.5,
    fault: pickFault(),
  }))
}

async function send(planned: Planned): Promise<Outcome> {
  const text = `ping FAULT:${planned.fault}`
  const chat = planned.surface === 'openai-chat'
  const body = chat
    ? { model: `${planned.upstream}:soak-model`, stream: planned.stream, messages: [{ role: 'user', content: text }] }
    : { model: `${planned.upstream}:soak-model`, stream: planned.stream, max_tokens: 32, messages: [{ role: 'user', content: text }] }
  const controller = new AbortController()
  const deadline = setTimeout(() => controller.abort(), clientDeadlineMs)
  try {
    const answer = await request(`${gateway.url}${chat ? '/v1/chat/completions' : '/v1/messages'}`, {
      dispatcher: client,
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify(body),
      signal: controller.signal,
    })
    const contentType = String(answer.headers['content-type'] ?? '')
    return classifyAnswer(planned.surface, planned.stream, answer.statusCode, contentType, await answer.body.text())
  } catch (error) {
    const reason = controller.signal.aborted ? `no complete answer within ${clientDeadlineMs} ms` : `the connection failed: ${(error as Error).message}`
    return { kind: 'invalid', reason }
  } finally {
    clearTimeout(deadline)
  }
}

/** Why this outcome is wrong for the fault, or undefined. An injected fault must never look like a complete answer. */
function judge(planned: Planned, outcome: Outcome): string | undefined {
  const label = `${planned.surface} → ${planned.upstream} stream=${planned.stream} ${planned.fault}`
  if (outcome.kind === 'invalid') return `${label}: ${outcome.reason}`
  if (planned.fault === 'ok') return outcome.kind === 'complete' ? undefined : `${label}: a healthy answer became ${JSON.stringify(outcome)}`
  if (outcome.kind === 'complete') return `${label}: the fault was hidden behind a complete answer`
  if (planned.fault === 'error-400' && !(outcome.kind === 'http-error' && outcome.status === 400)) return `${label}: expected the upstream's 400, got ${JSON.stringify(outcome)}`
  if (outcome.kind === 'stream-error' && !planned.stream) return `${label}: an error event on a non-streaming answer`
  return undefined
}

/** Active handles by type (sockets, servers, timers), minus what the test itself holds. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1
  return counts
}

async function settle(until: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!until() && Date.now() < end) await sleep(50)
}

test(`soak: ${rounds * requestsPerRound} requests at concurrency ${concurrency} through injected faults; nothing leaks`, { timeout: 120_000 }, async () => {
  const random = seededRandom(0x50a_c0de)
  const before = resources()
  const heapAfterRound: number[] = []
  const failures = new Map<string, number>()
  const outcomes = new Map<string, number>()

  for (let round = 0; round < rounds; round++) {
    client = new Agent({ connections: concurrency, keepAliveTimeout: 500 })
    const plan = planRound(random)
    const results = await mapWithConcurrency(plan, concurrency, send)
    results.forEach((outcome, index) => {
      const problem = judge(plan[index]!, outcome)
      if (problem) failures.set(problem.slice(0, 160), (failures.get(problem.slice(0, 160)) ?? 0) + 1)
      const key = `${plan[index]!.fault}: ${outcome.kind}`
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
    })
    await client.close()
    client = undefined
    gateway.consoleLines.splice(0) // the test's own capture, not the gateway's memory
    await settle(() => upstream.openSockets() === 0 && upstream.requestsInFlight() === 0, 5_000)
    collectGarbage()
    heapAfterRound.push(process.memoryUsage().heapUsed)
  }

  expect(Object.fromEntries(failures), JSON.stringify(Object.fromEntries(outcomes))).toEqual({})
  // Every fault kind was exercised, on both surfaces' worth of traffic.
  for (const kind of faultKinds) expect(upstream.received.get(kind) ?? 0, kind).toBeGreaterThan(20)

  // The gateway let go of every upstream answer and connection (hung ones included) ...
  expect(upstream.requestsInFlight()).toBe(0)
  expect(upstream.openSockets()).toBe(0)
  // ... and, with the clients gone, of every socket and timer of its own: the counts are back to where they began.
  await settle(() => (resources().TCPSocketWrap ?? 0) <= (before.TCPSocketWrap ?? 0) && (resources().Timeout ?? 0) <= (before.Timeout ?? 0) + 2, 8_000)
  const after = resources()
  expect(after.TCPSocketWrap ?? 0, JSON.stringify({ before, after })).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0)
  expect(after.Timeout ?? 0, JSON.stringify({ before, after })).toBeLessThanOrEqual((before.Timeout ?? 0) + 2)

  // Memory is flat: after a full collection, the last round holds no more than the first plus a small margin.
  const growth = heapAfterRound.at(-1)! - heapAfterRound[0]!
  expect(growth, `heapUsed after each round (MB): ${heapAfterRound.map((bytes) => (bytes / 2 ** 20).toFixed(1)).join(', ')}`).toBeLessThan(8 * 2 ** 20)
})
