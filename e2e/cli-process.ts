import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const cliPath = resolve(import.meta.dirname, '../out/main/cli.js')

export function assertBuilt(): void {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first (npm test does).`)
}

/** A throwaway HOME, so the CLI's ~/.config/omnillm and ~/.local/share/omnillm are the test's own. */
export function isolatedEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'omnillm-cli-'))
  return { PATH: process.env.PATH ?? '', HOME: home, ...extra }
}

export interface RunningCli {
  child: ChildProcess
  url: string
  output: () => string
  exited: Promise<number | null>
}

/** Runs `omnillm start …` with the same Node that runs the tests, and waits for its listening line. */
export async function startCli(args: string[], env: NodeJS.ProcessEnv): Promise<RunningCli> {
  assertBuilt()
  const child = spawn(process.execPath, [cliPath, 'start', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within 15 s:\n${output}`)), 15_000)
    const check = () => {
      const match = /omnillm listening on (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', check)
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code} before listening:\n${output}`))
    })
  })
  return { child, url, output: () => output, exited }
}

/** Runs a CLI command to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  assertBuilt()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
