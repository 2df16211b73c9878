// Aggregates a V8 .cpuprofile (node --cpu-prof) by self time: per function and per origin
// (gateway bundle, node_modules/<package>, node: internals, GC, idle).
//
//   node bench/profile-summary.mjs bench/profiles/<file>.cpuprofile [--top 40] [--filter text]
//   node bench/profile-summary.mjs <file> --callers <functionName> [--depth 6]   (who calls it, by self time)
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

function originOf(url) {
  if (!url) return '(native/vm)'
  if (url.startsWith('node:')) return url.startsWith('node:internal/') ? `node:internal/${url.split('/')[1] ?? ''}` : url
  const modules = url.lastIndexOf('/node_modules/')
  if (modules !== -1) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/')
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  if (url.includes('/out/main/')) return 'gateway bundle (out/main)'
  return url.replace(/^file:\/\//, '')
}

export function summarizeProfile(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfUs = new Map()
  const { samples, timeDeltas } = profile
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0))
  const byFunction = new Map()
  const byOrigin = new Map()
  let totalUs = 0
  let idleUs = 0
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id).callFrame
    const name = frame.functionName || '(anonymous)'
    totalUs += us
    if (name === '(idle)') idleUs += us
    const origin = name.startsWith('(') && !frame.url ? name : originOf(frame.url)
    const key = `${name}  ${frame.url ? `${frame.url.replace(/^.*\/(node_modules|out)\//, '$1/')}:${frame.lineNumber + 1}` : ''}`
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + us)
  }
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1])
  return { totalUs, idleUs, functions: sorted(byFunction), origins: sorted(byOrigin) }
}

export function formatSummary(summary, { top = 30, filter } = {}) {
  const busy = summary.totalUs - summary.idleUs
  const pct = (us) => `${((us / busy) * 100).toFixed(1).padStart(5)} %`
  const lines = [`busy ${(busy / 1000).toFixed(0)} ms of ${(summary.totalUs / 1000).toFixed(0)} ms sampled (percentages are of busy time)`, '', 'self time by origin:']
  for (const [origin, us] of summary.origins.filter(([o]) => o !== '(idle)').slice(0, 15)) lines.push(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${origin}`)
  lines.push('', `self time by function (top ${top}${filter ? `, matching "${filter}"` : ''}):`)
  const functions = summary.functions.filter(([key]) => !key.startsWith('(idle)') && (!filter || key.includes(filter)))
  for (const [key, us] of functions.slice(0, top)) lines.push(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`)
  return lines.join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2]
  if (!file) {
    console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N] [--filter text]')
    process.exit(2)
  }
  const at = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  if (at('--callers')) {
    for (const [path, us] of callersOf(profile, at('--callers'), Number(at('--depth') ?? 6)).slice(0, 15)) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${path}`)
  } else {
    console.log(formatSummary(summarizeProfile(profile), { top: Number(at('--top') ?? 40), filter: at('--filter') }))
  }
}

/** Self time of the functions named `name`, split by their call paths (up to `depth` callers), heaviest first. */
export function callersOf(profile, name, depth = 6) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const selfUs = new Map()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const paths = new Map()
  for (const [id, us] of selfUs) {
    if (nodes.get(id).callFrame.functionName !== name) continue
    const chain = []
    for (let at = parent.get(id); at !== undefined && chain.length < depth; at = parent.get(at)) {
      const frame = nodes.get(at).callFrame
      chain.push(`${frame.functionName || '(anonymous)'}${frame.url ? `@${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : ''}`)
    }
    const key = chain.join(' < ')
    paths.set(key, (paths.get(key) ?? 0) + us)
  }
  return [...paths.entries()].sort((a, b) => b[1] - a[1])
}
