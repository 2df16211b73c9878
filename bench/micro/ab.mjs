// A/B of the SSE micro-benchmark: bundles bench/micro/sse-pipeline.ts from each given tree (a directory
// holding src-main/ and bench/, e.g. a `mktemp -d` copy of the tree before a change) and runs them
// alternately in fresh processes, so both see the same machine load.
//   npx node bench/micro/ab.mjs [--runs N] [--quick] DIR_A DIR_B …
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3
const quickAt = args.indexOf('--quick')
const quick = quickAt >= 0 && args.splice(quickAt, 1).length > 0
const trees = args.map((dir) => resolve(dir))
const { build } = await import('rolldown')
const dir = await mkdtemp(join(tmpdir(), 'omnillm-micro-ab-'))
try {
  const files = []
  for (const [i, tree] of trees.entries()) {
    const file = join(dir, `t${i}.mjs`)
    await build({ input: join(tree, 'bench/micro/sse-pipeline.ts'), platform: 'node', logLevel: 'silent', output: { file, format: 'esm' } })
    files.push(file)
  }
  const all = trees.map(() => [])
  for (let run = 0; run < runs; run++) {
    for (const [i, file] of files.entries()) {
      const stdout = execFileSync(process.execPath, [file, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 })
      const result = JSON.parse(stdout.trim().split('\n').pop())
      all[i].push(result.results)
      const row = Object.entries(result.results).map(([stage, { usPerEvent }]) => `${stage} ${usPerEvent.toFixed(2)}`).join(' | ')
      console.log(`run ${run + 1} ${trees[i]}: ${row}`)
    }
  }
  for (const [i, tree] of trees.entries()) {
    const stages = Object.keys(all[i][0])
    const medians = stages.map((stage) => {
      const values = all[i].map((r) => r[stage].usPerEvent).sort((a, b) => a - b)
      return `${stage} ${values[Math.floor(values.length / 2)].toFixed(2)}`
    })
    console.log(`median of ${runs} ${tree}: ${medians.join(' | ')}`)
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}
