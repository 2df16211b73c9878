import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { isolatedEnvironment, runCli, startCli } from './cli-process'

describe('omnillm start (the built CLI, as users run it)', () => {
  test('serves /healthz, creates the key file, and stops cleanly on SIGTERM', async () => {
    const env = isolatedEnvironment()
    const cli = await startCli(['--port', '0'], env)
    const health = await fetch(`${cli.url}/healthz`)
    expect(await health.json()).toEqual({ status: 'ok' })

    const keyFile = join(env.HOME!, '.config', 'omnillm', 'api-key')
    const key = readFileSync(keyFile, 'utf8').trim()
    const status = await fetch(`${cli.url}/health`, { headers: { 'x-api-key': key } })
    expect(status.status).toBe(200)
    expect(cli.output()).not.toContain(key)

    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    expect(cli.output()).toContain('stopped')
  })

  test('flags beat the environment: --api-key over OMNILLM_API_KEY', async () => {
    const cli = await startCli(['--port', '0', '--api-key', 'flag-key-0123456789'], isolatedEnvironment({ OMNILLM_API_KEY: 'env-key-0123456789' }))
    try {
      expect((await fetch(`${cli.url}/health`, { headers: { authorization: 'Bearer flag-key-0123456789' } })).status).toBe(200)
      expect((await fetch(`${cli.url}/health`, { headers: { authorization: 'Bearer env-key-0123456789' } })).status).toBe(401)
    } finally {
      cli.child.kill('SIGINT')
      await cli.exited
    }
  })

  test('a non-loopback --host logs a loud warning', async () => {
    const cli = await startCli(['--port', '0', '--host', '0.0.0.0'], isolatedEnvironment())
    try {
      expect(cli.output()).toMatch(/WARN .*Listening on 0\.0\.0\.0, which is reachable from other machines/)
    } finally {
      cli.child.kill('SIGTERM')
      await cli.exited
    }
  })

  test('a port in use: one line naming the port, exit code 1', async () => {
    const env = isolatedEnvironment()
    const first = await startCli(['--port', '0'], env)
    const port = new URL(first.url).port
    try {
      const second = await runCli(['start', '--port', port], env)
      expect(second.code).toBe(1)
      expect(second.stderr).toBe(`omnillm: Port ${port} is already in use on 127.0.0.1; stop the other process or choose another port with --port.\n`)
    } finally {
      first.child.kill('SIGTERM')
      await first.exited
    }
  })

  test('an invalid config file: the file, the field and the problem, exit code 1', async () => {
    const env = isolatedEnvironment()
    const file = join(env.HOME!, 'bad.json')
    writeFileSync(file, JSON.stringify({ settings: { port: 'x' } }))
    const result = await runCli(['start', '--config', file], env)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`omnillm: Config file ${file}: settings.port: Invalid input: expected number, received string\n`)
  })

  test('an invalid flag value is refused before anything starts', async () => {
    const result = await runCli(['start', '--port', 'eighty'], isolatedEnvironment())
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("option '-p, --port <port>' argument 'eighty' is invalid")
  })

  test('the config file in ~/.config/omnillm is read by default', async () => {
    const env = isolatedEnvironment()
    mkdirSync(join(env.HOME!, '.config', 'omnillm'), { recursive: true })
    writeFileSync(join(env.HOME!, '.config', 'omnillm', 'config.json'), JSON.stringify({ settings: { logLevel: 'debug' } }))
    const cli = await startCli(['--port', '0'], env)
    try {
      await fetch(`${cli.url}/healthz`)
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(cli.output()).toMatch(/DEBUG request .*path=\/healthz/)
    } finally {
      cli.child.kill('SIGTERM')
      await cli.exited
    }
  })
})

describe('omnillm api-key and --help', () => {
  test('api-key prints the key in full, the same one start uses', async () => {
    const env = isolatedEnvironment()
    const printed = await runCli(['api-key'], env)
    expect(printed.code).toBe(0)
    const key = printed.stdout.trim()
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(readFileSync(join(env.HOME!, '.config', 'omnillm', 'api-key'), 'utf8').trim()).toBe(key)
  })

  test('start --help documents the flags', async () => {
    const help = await runCli(['start', '--help'], isolatedEnvironment())
    for (const flag of ['--host', '--port', '--api-key', '--config', '--verbose', '--allow-local-endpoints', '--rate-limit', '--rate-limit-rpm', '--wait', '--wait-queue-size']) expect(help.stdout).toContain(flag)
  })
})
