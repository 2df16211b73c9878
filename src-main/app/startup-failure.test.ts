import { describe, expect, it, vi } from 'vitest'
import { StartupError } from '../core'
import { reportStartupFailure, STARTUP_FAILURE_TITLE, startupFailureMessage } from './startup-failure'

describe('startupFailureMessage', () => {
  it("shows a StartupError's own one-line message", () => {
    expect(startupFailureMessage(new StartupError('Port 5000 on 127.0.0.1 is already in use.'))).toBe('Port 5000 on 127.0.0.1 is already in use.')
  })

  it('says something useful about anything else', () => {
    expect(startupFailureMessage(new TypeError('boom'))).toBe('Unexpected error while starting the gateway: boom')
    expect(startupFailureMessage('text')).toBe('Unexpected error while starting the gateway: text')
  })
})

describe('reportStartupFailure', () => {
  it('shows the error box, then exits with code 1', () => {
    const calls: string[] = []
    reportStartupFailure(new StartupError('Config file is not valid JSON.'), {
      showErrorBox: (title, content) => calls.push(`box:${title}:${content}`),
      exit: (code) => calls.push(`exit:${code}`),
    })
    expect(calls).toEqual([`box:${STARTUP_FAILURE_TITLE}:Config file is not valid JSON.`, 'exit:1'])
  })

  it('logs an unexpected error with its stack', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const error = new Error('bug')
    reportStartupFailure(error, { showErrorBox: vi.fn(), exit: vi.fn() })
    expect(consoleError).toHaveBeenCalledWith(error)
    consoleError.mockRestore()
  })
})
