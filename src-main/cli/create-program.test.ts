import { describe, expect, test, vi } from 'vitest'
import { createProgram, type ProgramActions } from './create-program'

async function startFlags(args: string[]) {
  const start = vi.fn<ProgramActions['start']>(async () => {})
  const program = createProgram({ start, printApiKey: async () => {} })
  program.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} })
  for (const command of program.commands) command.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} })
  await program.parseAsync(['node', 'omnillm', 'start', ...args])
  return start.mock.calls[0]![0]
}

describe('omnillm start: rate-limit flags', () => {
  test('map onto the setting names', async () => {
    const flags = await startFlags(['--rate-limit', '1.5', '--rate-limit-rpm', '30', '--wait', '--wait-queue-size', '8'])
    expect(flags).toMatchObject({ rateLimitSeconds: 1.5, rateLimitRpm: 30, rateLimitWait: true, rateLimitQueueSize: 8 })
  })

  test('short forms -r and -w', async () => {
    expect(await startFlags(['-r', '2', '-w'])).toMatchObject({ rateLimitSeconds: 2, rateLimitWait: true })
  })

  test('left out, they stay unset so lower layers (env, file) apply', async () => {
    const flags = await startFlags([])
    expect(flags.rateLimitSeconds).toBeUndefined()
    expect(flags.rateLimitWait).toBeUndefined()
    expect(flags.rateLimitQueueSize).toBeUndefined()
  })

  test('bad values are refused', async () => {
    await expect(startFlags(['--rate-limit', '-1'])).rejects.toThrow(/seconds/)
    await expect(startFlags(['--rate-limit-rpm', '2.5'])).rejects.toThrow(/whole number/)
    await expect(startFlags(['--wait-queue-size', '0'])).rejects.toThrow(/positive/)
  })
})

test('omnillm start --active-provider <id> maps onto the activeProvider setting', async () => {
  expect(await startFlags(['--active-provider', 'ollama'])).toMatchObject({ activeProvider: 'ollama' })
  expect((await startFlags([])).activeProvider).toBeUndefined()
})

test('omnillm start --manual --approval-timeout <seconds> map onto the manual approval settings', async () => {
  expect(await startFlags(['--manual', '--approval-timeout', '90'])).toMatchObject({ manualApproval: true, manualApprovalTimeoutSeconds: 90 })
  expect(await startFlags([])).not.toHaveProperty('manual')
})
