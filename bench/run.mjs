// OmniLLM gateway benchmark. `npm run bench` builds the gateway and runs this; see bench/README.md.
//
//   node bench/run.mjs [--quick] [--cpu-prof] [--rounds N] [--duration S] [--json FILE] [--cli FILE] [--cli-b FILE]
//                      [--hono-floor] [--no-load] [--no-streams] [--no-large] [--no-micro] [--no-idle-wait] [--gateway-node-args ARGS]
//                      [--gateway-b-node-args ARGS]
//
// On loopback it starts, each in its own process: a fast mock upstream (mock-upstream.mjs), a bare
// node:http + undici pass-through proxy (bare-proxy.mjs, the floor of one Node hop) and the real gateway
// (out/main/cli.js start). autocannon (in this process) drives them in interleaved rounds; every verdict
// is a difference or ratio measured in the same round, so a busy machine moves both sides together.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { anthropicAgentBody, openAiAgentBody } from './agent-body.mjs'
import { summarizeProfile, formatSummary } from './profile-summary.mjs'

const benchDir = dirname(fileURLToPath(import.meta.url))
const repoDir = dirname(benchDir)
const cliArgIndex = process.argv.indexOf('--cli')
// --cli: another build of the gateway (an A/B of a change, built in a scratch copy of the tree).
const cliPath = cliArgIndex === -1 ? join(repoDir, 'out/main/cli.js') : process.argv[cliArgIndex + 1]
// --cli-b: a second build, run as its own gateway process in the same rounds (columns "B same" / "B translated"),
// so an A/B of a change is paired per round like every other verdict.
const cliBArgIndex = process.argv.indexOf('--cli-b')
const cliBPath = cliBArgIndex === -1 ? undefined : process.argv[cliBArgIndex + 1]
const profilesDir = join(benchDir, 'profiles')

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2)
const flag = (name) => argv.includes(name)
const value = (name) => {
  const index = argv.indexOf(name)
  return index === -1 ? undefined : argv[index + 1]
}
if (flag('--help')) {
  console.log('node bench/run.mjs [--quick] [--cpu-prof] [--rounds N] [--duration S] [--json FILE] [--cli out/main/cli.js] [--cli-b other/cli.js] [--hono-floor] [--no-load] [--no-streams] [--no-large] [--no-micro] [--no-idle-wait] [--gateway-node-args "--flag …"] [--gateway-b-node-args "--flag …"]')
  process.exit(0)
}
const quick = flag('--quick')
const cpuProf = flag('--cpu-prof')
const opts = {
  quick,
  cpuProf,
  rounds: Number(value('--rounds') ?? (quick ? 1 : 3)),
  durationS: Number(value('--duration') ?? (quick ? 1 : 5)),
  warmupS: quick ? 0.3 : 1,
  globalWarmupS: quick ? 1 : 3,
  // --no-load: skip the non-streaming autocannon cells (with --cpu-prof, a profile of the stream path alone).
  load: !flag('--no-load'),
  // --hono-floor: one more target, bench/hono-proxy.mjs (hono on @hono/node-server + undici, no gateway work).
  honoFloor: flag('--hono-floor'),
  // Idle RSS is read again once the gateway's idle memory release has run (its default
  // idleMemoryReleaseSeconds, 30 s, plus a margin); --quick and --no-idle-wait skip those two waits.
  idleWait: !quick && !flag('--no-idle-wait'),
  concurrencies: flag('--no-load') ? [] : [1, 16, 64],
  streamsPerRound: quick ? 60 : 300,
  streamWarmup: quick ? 20 : 60,
  coldStarts: quick ? 1 : 3,
  json: value('--json'),
  streams: !flag('--no-streams'),
  // Sequential non-streaming requests with a ~220 KB coding-agent body (agent-body.mjs), per target per round.
  large: !flag('--no-large'),
  largePerRound: quick ? 30 : 100,
  largeWarmup: quick ? 10 : 20,
  micro: !flag('--no-micro'),
  gatewayNodeArgs: (value('--gateway-node-args') ?? '').split(' ').filter(Boolean),
  // Node flags for the --cli-b gateway only (default: the same as --gateway-node-args), e.g. a V8 heap flag A/B.
  gatewayBNodeArgs: value('--gateway-b-node-args')?.split(' ').filter(Boolean),
}

const IDLE_RELEASE_WAIT_MS = 31_500
const API_KEY = 'bench-key-0123456789abcdef'
const MODEL = 'm'
const openAiBody = (stream) =>
  JSON.stringify({
    model: MODEL,
    messages: [
      { role: 'system', content: 'You are a helpful assistant. Answer briefly.' },
      { role: 'user', content: 'Say hello to the benchmark and tell it one short fact about HTTP.' },
    ],
    max_tokens: 64,
    temperature: 0.2,
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  })
const anthropicBody = (stream) =>
  JSON.stringify({
    model: MODEL,
    max_tokens: 64,
    temperature: 0.2,
    system: 'You are a helpful assistant. Answer briefly.',
    messages: [{ role: 'user', content: 'Say hello to the benchmark and tell it one short fact about HTTP.' }],
    ...(stream ? { stream: true } : {}),
  })
const openAiHeaders = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` }
const anthropicHeaders = { 'content-type': 'application/json', 'x-api-key': API_KEY, 'anthropic-version': '2023-06-01' }

// ---------------------------------------------------------------- small helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const percentile = (values, p) => {
  if (values.length === 0) return Number.NaN
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
const log = (text) => process.stderr.write(`${text}\n`)

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Drops OMNILLM_* from the caller's environment so nothing of a developer's own setup leaks in. */
function cleanEnv(extra) {
  const env = {}
  for (const [name, v] of Object.entries(process.env)) if (!name.startsWith('OMNILLM_')) env[name] = v
  return { ...env, ...extra }
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** utime + stime of a process, in ms (Linux /proc; the child's process.cpuUsage is out of reach). */
function cpuMs(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks
}

function statusKb(pid, key) {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) : Number.NaN
}

/** VmRSS and the anonymous part of it (the rest is mapped files, mostly the node binary's own pages), MB. */
function rssOf(pid) {
  return { rss: statusKb(pid, 'VmRSS') / 1024, anon: statusKb(pid, 'RssAnon') / 1024 }
}

/** Samples VmRSS every 50 ms; peak() is the highest seen. */
function rssSampler(pid) {
  let peakKb = statusKb(pid, 'VmRSS')
  const timer = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, statusKb(pid, 'VmRSS'))
    } catch {
      // the process is gone
    }
  }, 50)
  timer.unref()
  return { peakMb: () => peakKb / 1024, stop: () => clearInterval(timer) }
}

// ---------------------------------------------------------------- processes

function spawnNodeScript(script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(benchDir, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: cleanEnv({}) })
    let buffered = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (text) => {
      buffered += text
      const newline = buffered.indexOf('\n')
      if (newline !== -1) resolve({ child, port: JSON.parse(buffered.slice(0, newline)).port })
    })
    child.once('exit', (code) => reject(new Error(`${script} exited early (${code})`)))
  })
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Spawns the gateway; resolves at its first 200 on /v1/chat/completions, with the time that took. */
async function startGateway(upstreamPort, { profile, cli = cliPath, gatewayNodeArgs = opts.gatewayNodeArgs }) {
  const dir = await mkdtemp(join(tmpdir(), 'omnillm-bench-'))
  const configFile = join(dir, 'config.json')
  await writeFile(
    configFile,
    JSON.stringify({
      settings: { logLevel: 'warn' },
      providers: [{ id: 'up', type: 'openai-compatible', baseUrl: `http://127.0.0.1:${upstreamPort}/v1`, apiKey: 'x', models: [MODEL] }],
    }),
  )
  const port = await freePort()
  const nodeArgs = [...gatewayNodeArgs, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profilesDir}`] : [])]
  const args = [...nodeArgs, cli, 'start', '--port', String(port), '--api-key', API_KEY, '--config', configFile, '--allow-local-endpoints', '--log-level', 'warn', '--secret-store', 'memory']
  const env = cleanEnv({ OMNILLM_DATA_DIR: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'share') })
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, args, { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (text) => {
    output = (output + text).slice(-8000)
  }
  child.stdout.setEncoding('utf8').on('data', keep)
  child.stderr.setEncoding('utf8').on('data', keep)
  let exited = false
  child.once('exit', () => (exited = true))

  const agent = new HttpAgent({ keepAlive: false })
  for (;;) {
    if (exited) throw new Error(`the gateway exited during start-up:\n${output}`)
    if (performance.now() - spawnedAt > 30_000) throw new Error(`the gateway did not answer within 30 s:\n${output}`)
    try {
      const answer = await timedRequest(agent, port, '/v1/chat/completions', openAiHeaders, openAiBody(false))
      if (answer.status === 200) break
      if (answer.status !== 503 && answer.status !== 502) throw new Error(`gateway answered ${answer.status}: ${answer.text}`)
    } catch (error) {
      if (error.code !== 'ECONNREFUSED' && error.code !== 'ECONNRESET') throw error
    }
    await sleep(2)
  }
  const coldStartMs = performance.now() - spawnedAt
  return {
    child,
    port,
    coldStartMs,
    output: () => output,
    async stop() {
      await stopChild(child)
      await rm(dir, { recursive: true, force: true })
    },
  }
}

// ---------------------------------------------------------------- clients

/** One request with node:http; times to the first body byte and to the end. */
function timedRequest(agent, port, path, headers, body) {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now()
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let firstByteAt
      const parts = []
      res.on('data', (part) => {
        firstByteAt ??= performance.now()
        parts.push(part)
      })
      res.on('end', () => {
        const endAt = performance.now()
        resolve({ status: res.statusCode, ttfbMs: (firstByteAt ?? endAt) - startedAt, totalMs: endAt - startedAt, text: Buffer.concat(parts).toString() })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** autocannon for load; its histogram keeps whole milliseconds, so latencies are recorded here as floats. */
function load(target, connections, durationS) {
  return new Promise((resolve, reject) => {
    const latencies = []
    let non2xx = 0
    const startedAt = performance.now()
    const instance = autocannon(
      { url: `http://127.0.0.1:${target.port}${target.path}`, method: 'POST', headers: target.headers, body: target.body, connections, duration: durationS, pipelining: 1 },
      (error, result) => {
        if (error) return reject(error)
        const elapsedS = (performance.now() - startedAt) / 1000
        resolve({ requests: latencies.length, rps: latencies.length / elapsedS, latencies, non2xx, errors: result.errors + result.timeouts })
      },
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime)
      else non2xx++
    })
  })
}

// ---------------------------------------------------------------- micro-benchmark

async function runMicro() {
  const { build } = await import('rolldown')
  const dir = await mkdtemp(join(tmpdir(), 'omnillm-bench-micro-'))
  try {
    const file = join(dir, 'sse-pipeline.mjs')
    await build({ input: join(benchDir, 'micro/sse-pipeline.ts'), platform: 'node', logLevel: 'silent', output: { file, format: 'esm' } })
    const stdout = execFileSync(process.execPath, [file, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 })
    return JSON.parse(stdout.trim().split('\n').pop())
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------- the run

async function main() {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run bench\` (it builds first) or \`npx electron-vite build\``)
  if (cliBPath && !existsSync(cliBPath)) throw new Error(`${cliBPath} (--cli-b) is missing`)
  if (Number(process.versions.node.split('.')[0]) < 22) log(`warning: Node ${process.version}; the gateway wants ≥ 22 (npm run bench uses the project's Node 24)`)
  if (cpuProf) await mkdir(profilesDir, { recursive: true })
  const profilesBefore = cpuProf ? new Set(await readdir(profilesDir)) : new Set()

  const mock = await spawnNodeScript('mock-upstream.mjs', [])
  const proxy = await spawnNodeScript('bare-proxy.mjs', [`http://127.0.0.1:${mock.port}`])
  const results = { opts, machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version }, coldStartMs: [] }
  const hono = opts.honoFloor ? await spawnNodeScript('hono-proxy.mjs', [`http://127.0.0.1:${mock.port}`]) : undefined
  const children = [mock.child, proxy.child, ...(hono ? [hono.child] : [])]
  let gateway
  let gatewayB
  try {
    // Cold starts: a fresh data dir each time (the database is created and migrated, as on first run).
    for (let i = 0; i < opts.coldStarts; i++) {
      const cold = await startGateway(mock.port, { profile: false })
      results.coldStartMs.push(cold.coldStartMs)
      await cold.stop()
    }
    log(`cold start: ${results.coldStartMs.map((ms) => ms.toFixed(0)).join(', ')} ms`)

    gateway = await startGateway(mock.port, { profile: cpuProf })
    children.push(gateway.child)
    if (cliBPath) {
      gatewayB = await startGateway(mock.port, { profile: cpuProf, cli: cliBPath, gatewayNodeArgs: opts.gatewayBNodeArgs ?? opts.gatewayNodeArgs })
      children.push(gatewayB.child)
    }
    await sleep(2000)
    if (gatewayB) results.rssIdleMbB = statusKb(gatewayB.child.pid, 'VmRSS') / 1024
    results.rssIdleMb = statusKb(gateway.child.pid, 'VmRSS') / 1024
    if (opts.idleWait) {
      log(`waiting ${IDLE_RELEASE_WAIT_MS / 1000} s for the idle memory release`)
      await sleep(IDLE_RELEASE_WAIT_MS - 2000)
      results.rssReleasedMb = rssOf(gateway.child.pid)
      if (gatewayB) results.rssReleasedMbB = rssOf(gatewayB.child.pid)
    }
    results.proxyRssIdleMb = statusKb(proxy.child.pid, 'VmRSS') / 1024

    const openAiLarge = openAiAgentBody(MODEL)
    const anthropicLarge = anthropicAgentBody(MODEL)
    const targets = [
      { name: 'direct', port: mock.port, path: '/v1/chat/completions', headers: openAiHeaders, body: openAiBody(false), streamBody: openAiBody(true), end: '[DONE]', largeBody: openAiLarge, pid: mock.child.pid },
      { name: 'proxy', port: proxy.port, path: '/v1/chat/completions', headers: openAiHeaders, body: openAiBody(false), streamBody: openAiBody(true), end: '[DONE]', largeBody: openAiLarge, pid: proxy.child.pid },
      ...(hono ? [{ name: 'hono', port: hono.port, path: '/v1/chat/completions', headers: openAiHeaders, body: openAiBody(false), streamBody: openAiBody(true), end: '[DONE]', largeBody: openAiLarge, pid: hono.child.pid }] : []),
      { name: 'same', port: gateway.port, path: '/v1/chat/completions', headers: openAiHeaders, body: openAiBody(false), streamBody: openAiBody(true), end: '[DONE]', largeBody: openAiLarge, pid: gateway.child.pid },
      { name: 'translated', port: gateway.port, path: '/v1/messages', headers: anthropicHeaders, body: anthropicBody(false), streamBody: anthropicBody(true), end: 'message_stop', largeBody: anthropicLarge, pid: gateway.child.pid },
      ...(gatewayB
        ? [
            { name: 'sameB', port: gatewayB.port, path: '/v1/chat/completions', headers: openAiHeaders, body: openAiBody(false), streamBody: openAiBody(true), end: '[DONE]', largeBody: openAiLarge, pid: gatewayB.child.pid },
            { name: 'translatedB', port: gatewayB.port, path: '/v1/messages', headers: anthropicHeaders, body: anthropicBody(false), streamBody: anthropicBody(true), end: 'message_stop', largeBody: anthropicLarge, pid: gatewayB.child.pid },
          ]
        : []),
    ]

    // Sanity: every target answers 200 with a complete stream.
    const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 })
    for (const target of targets) {
      const plain = await timedRequest(agent, target.port, target.path, target.headers, target.body)
      const streamed = await timedRequest(agent, target.port, target.path, target.headers, target.streamBody)
      if (plain.status !== 200 || streamed.status !== 200 || !streamed.text.includes(target.end)) {
        throw new Error(`${target.name}: sanity check failed (${plain.status}/${streamed.status}): ${plain.text.slice(0, 300)} ${streamed.text.slice(-300)}`)
      }
    }

    const gatewayRss = rssSampler(gateway.child.pid)
    const proxyRss = rssSampler(proxy.child.pid)
    if (opts.load) log(`global warm-up: ${opts.globalWarmupS} s per target at c=16`)
    for (const target of opts.load ? targets : []) await load(target, 16, opts.globalWarmupS)

    // cells[target][c] = list of per-round { rps, p50, p99, cpuMsPerReq }
    const cells = Object.fromEntries(targets.map((t) => [t.name, Object.fromEntries(opts.concurrencies.map((c) => [c, []]))]))
    const streams = Object.fromEntries(targets.map((t) => [t.name, []]))
    const large = Object.fromEntries(targets.map((t) => [t.name, []]))
    for (let round = 0; round < opts.rounds; round++) {
      // Rotate the order each round so no target always runs first (or right after the heaviest one).
      const order = targets.map((_, i) => targets[(i + round) % targets.length])
      for (const c of opts.concurrencies) {
        for (const target of order) {
          await load(target, c, opts.warmupS)
          const cpuBefore = cpuMs(target.pid)
          const run = await load(target, c, opts.durationS)
          const cpuAfter = cpuMs(target.pid)
          if (run.non2xx || run.errors) log(`warning: ${target.name} c=${c}: ${run.non2xx} non-2xx, ${run.errors} errors`)
          cells[target.name][c].push({ rps: run.rps, p50: percentile(run.latencies, 50), p99: percentile(run.latencies, 99), cpuMsPerReq: (cpuAfter - cpuBefore) / run.requests, requests: run.requests })
          log(`round ${round + 1}/${opts.rounds} c=${c} ${target.name.padEnd(10)} ${run.rps.toFixed(0).padStart(6)} rps  p50 ${percentile(run.latencies, 50).toFixed(3)} ms  p99 ${percentile(run.latencies, 99).toFixed(3)} ms`)
        }
      }
      // Streams: one at a time over a keep-alive connection, to time first byte and end exactly.
      for (const target of opts.streams ? order : []) {
        const streamAgent = new HttpAgent({ keepAlive: true, maxSockets: 1 })
        for (let i = 0; i < opts.streamWarmup; i++) await timedRequest(streamAgent, target.port, target.path, target.headers, target.streamBody)
        const ttfb = []
        const total = []
        for (let i = 0; i < opts.streamsPerRound; i++) {
          const answer = await timedRequest(streamAgent, target.port, target.path, target.headers, target.streamBody)
          if (answer.status !== 200 || !answer.text.includes(target.end)) throw new Error(`${target.name}: stream ${answer.status} incomplete`)
          ttfb.push(answer.ttfbMs)
          total.push(answer.totalMs)
        }
        streamAgent.destroy()
        streams[target.name].push({ ttfbP50: percentile(ttfb, 50), ttfbP99: percentile(ttfb, 99), totalP50: percentile(total, 50), totalP99: percentile(total, 99) })
        log(`round ${round + 1}/${opts.rounds} stream ${target.name.padEnd(10)} first byte p50 ${percentile(ttfb, 50).toFixed(3)} ms  total p50 ${percentile(total, 50).toFixed(3)} ms`)
      }
      // A coding agent's turn: ~220 KB of JSON one request at a time (reading, checking and forwarding it).
      for (const target of opts.large ? order : []) {
        const largeAgent = new HttpAgent({ keepAlive: true, maxSockets: 1 })
        const times = []
        for (let i = 0; i < opts.largeWarmup + opts.largePerRound; i++) {
          const answer = await timedRequest(largeAgent, target.port, target.path, target.headers, target.largeBody)
          if (answer.status !== 200) throw new Error(`${target.name}: large body answered ${answer.status}: ${answer.text.slice(0, 300)}`)
          if (i >= opts.largeWarmup) times.push(answer.totalMs)
        }
        largeAgent.destroy()
        large[target.name].push({ p50: percentile(times, 50), p99: percentile(times, 99) })
        log(`round ${round + 1}/${opts.rounds} large  ${target.name.padEnd(10)} p50 ${percentile(times, 50).toFixed(3)} ms`)
      }
    }
    gatewayRss.stop()
    proxyRss.stop()
    results.rssPeakMb = gatewayRss.peakMb()
    results.rssHwmMb = statusKb(gateway.child.pid, 'VmHWM') / 1024
    if (gatewayB) results.rssHwmMbB = statusKb(gatewayB.child.pid, 'VmHWM') / 1024
    results.proxyRssPeakMb = proxyRss.peakMb()
    await sleep(2000)
    results.rssAfterLoadMb = statusKb(gateway.child.pid, 'VmRSS') / 1024
    if (opts.idleWait) {
      log(`waiting ${IDLE_RELEASE_WAIT_MS / 1000} s for the idle memory release after the load`)
      await sleep(IDLE_RELEASE_WAIT_MS - 2000)
      results.rssAfterLoadReleasedMb = rssOf(gateway.child.pid)
    }
    results.cells = cells
    results.streams = streams
    results.large = large
    agent.destroy()
  } finally {
    if (gateway) await gateway.stop()
    if (gatewayB) await gatewayB.stop()
    await Promise.all(children.map(stopChild))
  }

  if (opts.micro) {
    log('micro-benchmark: SSE pipeline without HTTP')
    results.micro = await runMicro()
  }

  printTable(results)
  if (opts.json) await writeFile(opts.json, JSON.stringify(results, null, 2))

  if (cpuProf) {
    const created = (await readdir(profilesDir)).filter((name) => name.endsWith('.cpuprofile') && !profilesBefore.has(name))
    for (const name of created) {
      const file = join(profilesDir, name)
      const { size } = await stat(file)
      console.log(`\nCPU profile of the gateway: ${file} (${(size / 1e6).toFixed(1)} MB; profiling slows the gateway, so the numbers above are not comparable)`)
      console.log(formatSummary(summarizeProfile(JSON.parse(readFileSync(file, 'utf8'))), { top: 30 }))
    }
  }
}

// ---------------------------------------------------------------- the table

function printTable(results) {
  const { cells, streams, micro } = results
  const withB = 'sameB' in cells
  const gws = withB ? ['same', 'translated', 'sameB', 'translatedB'] : ['same', 'translated']
  const withHono = 'hono' in cells
  const names = ['direct', 'proxy', ...(withHono ? ['hono'] : []), ...gws]
  const rows = []
  const fmt = (v, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '—')
  const verdict = (ok) => (ok ? 'PASS' : 'MISS')
  /** Verdicts per gateway pair (same / translated), A then B. */
  const verdicts = (values, ok) => {
    const pairs = []
    for (let i = 0; i < values.length; i += 2) pairs.push(`${verdict(ok(values[i], 0))} / ${verdict(ok(values[i + 1], 1))}`)
    return pairs.join(' ; ')
  }
  // Rows list direct, proxy, then the gateway columns; with --hono-floor a hono cell goes in after the proxy's.
  const row = (metric, values, target = '—', result = '—', hono = '') => rows.push([metric, ...(withHono ? [...values.slice(0, 2), hono, ...values.slice(2)] : values), target, result])
  const rowOfNames = (metric, values) => rows.push([metric, ...values, '—', '—'])
  const medianOf = (name, c, key) => median(cells[name][c].map((cell) => cell[key]))
  /** Per round: gateway value minus (or over) the reference's, then the median over rounds. */
  const paired = (name, ref, pick, op) => median(pick(name).map((v, i) => op(v, pick(ref)[i])))
  const gwBlank = gws.map(() => '')

  for (const c of opts.concurrencies) {
    rowOfNames(`c=${c} RPS`, names.map((n) => fmt(medianOf(n, c, 'rps'), 0)))
    rowOfNames(`c=${c} p50 ms`, names.map((n) => fmt(medianOf(n, c, 'p50'))))
    rowOfNames(`c=${c} p99 ms`, names.map((n) => fmt(medianOf(n, c, 'p99'))))
  }
  const at = (c, key) => (name) => cells[name][c].map((cell) => cell[key])
  const minus = (a, b) => a - b
  const ratio = (a, b) => a / b
  if (opts.load) {
    const addedP50 = gws.map((n) => paired(n, 'direct', at(1, 'p50'), minus))
    const honoOr = (value) => (withHono ? value() : '')
    row('c=1 added p50 ms (gw − direct)', ['', fmt(paired('proxy', 'direct', at(1, 'p50'), minus)), ...addedP50.map((v) => fmt(v))], '≤ 0.4', verdicts(addedP50, (v) => v <= 0.4), honoOr(() => fmt(paired('hono', 'direct', at(1, 'p50'), minus))))
    const addedP99 = gws.map((n) => paired(n, 'direct', at(1, 'p99'), minus))
    row('c=1 added p99 ms (gw − direct)', ['', fmt(paired('proxy', 'direct', at(1, 'p99'), minus)), ...addedP99.map((v) => fmt(v))], '≤ 2', verdicts(addedP99, (v) => v <= 2), honoOr(() => fmt(paired('hono', 'direct', at(1, 'p99'), minus))))
    const rpsRatio = gws.map((n) => paired(n, 'proxy', at(64, 'rps'), ratio))
    row('c=64 RPS ÷ bare proxy', ['', '100 %', ...rpsRatio.map((v) => `${fmt(v * 100, 0)} %`)], '≥ 70 % / ≥ 50 %', verdicts(rpsRatio, (v, i) => v >= (i === 0 ? 0.7 : 0.5)), honoOr(() => `${fmt(paired('hono', 'proxy', at(64, 'rps'), ratio) * 100, 0)} %`))
  }
  for (const c of opts.concurrencies) {
    const cpu = names.map((n) => medianOf(n, c, 'cpuMsPerReq'))
    const judged = c === 16
    rows.push([`CPU ms/request c=${c}`, ...cpu.map((v) => fmt(v)), judged ? '≤ 0.35' : '—', judged ? verdicts(cpu.slice(names.length - gws.length), (v) => v <= 0.35) : '—'])
  }
  if (opts.streams) {
    const s = (name, key) => median(streams[name].map((r) => r[key]))
    rowOfNames('stream first byte p50 ms', names.map((n) => fmt(s(n, 'ttfbP50'))))
    rowOfNames('stream first byte p99 ms', names.map((n) => fmt(s(n, 'ttfbP99'))))
    rowOfNames('stream total p50 ms (50 chunks)', names.map((n) => fmt(s(n, 'totalP50'))))
    rowOfNames('stream total p99 ms (50 chunks)', names.map((n) => fmt(s(n, 'totalP99'))))
    const pickStream = (key) => (name) => streams[name].map((r) => r[key])
    const addedTtfb = gws.map((n) => paired(n, 'proxy', pickStream('ttfbP50'), minus))
    row('stream first byte added ms (gw − proxy)', ['', '', ...addedTtfb.map((v) => fmt(v))], '≤ 0.3', verdicts(addedTtfb, (v) => v <= 0.3), withHono ? fmt(paired('hono', 'proxy', pickStream('ttfbP50'), minus)) : '')
  }
  if (opts.large) {
    const l = (name, key) => median(results.large[name].map((r) => r[key]))
    rowOfNames(`agent body (${(openAiAgentBody(MODEL).length / 1024).toFixed(0)} KB) p50 ms`, names.map((n) => fmt(l(n, 'p50'))))
    rowOfNames('agent body p99 ms', names.map((n) => fmt(l(n, 'p99'))))
    const pickLarge = (name) => results.large[name].map((r) => r.p50)
    const addedLarge = gws.map((n) => paired(n, 'proxy', pickLarge, minus))
    row('agent body added p50 ms (gw − proxy)', ['', '', ...addedLarge.map((v) => fmt(v))], '—', '—', withHono ? fmt(paired('hono', 'proxy', pickLarge, minus)) : '')
  }
  if (micro) {
    const m = micro.results
    row('SSE µs/event, no HTTP (passthrough / translated)', ['', '', fmt(m.passthrough.usPerEvent, 2), fmt(m.translated.usPerEvent, 2), ...gwBlank.slice(2)], '≤ 5 (translated)', verdict(m.translated.usPerEvent <= 5))
    row(
      '  stages µs/event: decode / +parse / +transform / serializer-only',
      ['', '', '', `${fmt(m.decode.usPerEvent, 2)} / ${fmt(m.parse.usPerEvent, 2)} / ${fmt(m.transform.usPerEvent, 2)} / ${fmt(m['serializer-only'].usPerEvent, 2)}`, ...gwBlank.slice(2)],
    )
  }
  const bRss = withB ? [fmt(results.rssIdleMbB, 1), ''] : []
  const released = (r) => (r ? `${fmt(r.rss, 1)} (anon ${fmt(r.anon, 1)})` : '—')
  row('RSS idle MB, 2 s after start-up', ['', fmt(results.proxyRssIdleMb, 1), fmt(results.rssIdleMb, 1), '(same process)', ...bRss])
  row(
    'RSS idle MB, after the idle release (31 s)',
    ['', '', released(results.rssReleasedMb), '', ...(withB ? [released(results.rssReleasedMbB), ''] : [])],
    '≤ 80',
    results.rssReleasedMb ? verdict(results.rssReleasedMb.rss <= 80) : '— (not waited)',
  )
  row('RSS peak under load MB', ['', fmt(results.proxyRssPeakMb, 1), fmt(results.rssPeakMb, 1), `(VmHWM ${fmt(results.rssHwmMb, 1)})`, ...(withB ? [`(VmHWM ${fmt(results.rssHwmMbB, 1)})`, ''] : [])], '≤ 160', verdict(results.rssPeakMb <= 160))
  row('RSS MB 2 s after load', ['', '', fmt(results.rssAfterLoadMb, 1), '', ...gwBlank.slice(2)])
  row('RSS MB after load + idle release', ['', '', released(results.rssAfterLoadReleasedMb), '', ...gwBlank.slice(2)])
  row('cold start to first 200 ms', ['', '', fmt(median(results.coldStartMs), 0), `(runs: ${results.coldStartMs.map((v) => v.toFixed(0)).join(', ')})`, ...gwBlank.slice(2)])

  const header = ['metric', 'direct', 'bare proxy', ...(withHono ? ['hono proxy'] : []), 'gw same-dialect', 'gw translated', ...(withB ? ['B same-dialect', 'B translated'] : []), 'target', withB ? 'result (same / translated ; B)' : 'result (same / translated)']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) => `| ${cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' | ')} |`
  const o = opts
  console.log('')
  console.log(
    `Method: ${results.machine.cpus} CPUs (${results.machine.cpuModel}), Node ${results.machine.node}, everything on 127.0.0.1, each server its own process.` +
      (o.load
        ? `\n  Non-streaming: autocannon (pipelining 1) at c=${o.concurrencies.join('/')} connections, ${o.durationS} s per cell after a ${o.warmupS} s warm-up at the same c` +
          ` (plus ${o.globalWarmupS} s per target at start); ${o.rounds} round(s), target order rotated each round; values are medians over rounds, latencies` +
          `\n  recorded per response as floats.`
        : `\n  Non-streaming: skipped (--no-load); ${o.rounds} round(s), target order rotated each round; values are medians over rounds.`) +
      ` Verdicts use per-round differences/ratios (gateway vs direct or bare proxy in the same round).` +
      `\n  Streams: ${o.streamsPerRound} sequential 50-chunk streams per target per round (after ${o.streamWarmup} warm-up) on one keep-alive connection;` +
      ` first byte = first body chunk. CPU = /proc utime+stime of the server process over the measured cell ÷ requests (tick ${1000 / clockTicks} ms).` +
      (micro ? `\n  Micro: ${micro.samples} interleaved samples × ${micro.streamsPerSample} streams of ${micro.eventsPerStream} upstream events, median µs per upstream event.` : '') +
      `\n  Gateway: ${cliPath === join(repoDir, 'out/main/cli.js') ? 'out/main/cli.js' : cliPath}${o.gatewayNodeArgs.length ? ` (node ${o.gatewayNodeArgs.join(' ')})` : ''} start --log-level warn --allow-local-endpoints --secret-store memory, temp data/config dirs, request log to SQLite on.${cliBPath ? `\n  B: ${cliBPath}, its own process, same options, same rounds.` : ''}${o.cpuProf ? '\n  NOTE: --cpu-prof was on: the gateway ran under the profiler.' : ''}`,
  )
  console.log('')
  console.log(line(header))
  console.log(`|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`)
  for (const r of rows) console.log(line(r))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
