import { describe, expect, test } from 'vitest'
import { UpstreamError } from '../../errors/upstream-error'
import { readPassthroughBody } from './read-passthrough-body'
import type { UpstreamResponse } from './upstream-http-client'

function response(status: number, text: () => Promise<string>): UpstreamResponse {
  return { status, headers: {}, body: new Response('streamed as it comes').body!, text }
}

describe('readPassthroughBody', () => {
  test('a stream is handed on as it arrives; a JSON body is read to its end first', async () => {
    expect(await new Response(await readPassthroughBody('i', response(200, () => Promise.reject(new Error('unused'))), 'text/event-stream')).text()).toBe('streamed as it comes')
    expect(await new Response(await readPassthroughBody('i', response(200, async () => '{"ok":true}'), 'application/json')).text()).toBe('{"ok":true}')
    expect(await new Response(await readPassthroughBody('i', response(400, async () => '{"error":'), 'application/json')).text()).toBe('{"error":')
  })

  test('a body read to its end is handed on as its text, for a one-write answer; a live stream as a stream', async () => {
    expect(await readPassthroughBody('i', response(200, async () => '{"ok":"é"}'), 'application/json')).toBe('{"ok":"é"}')
    expect(await readPassthroughBody('i', response(200, () => Promise.reject(new Error('unused'))), 'text/event-stream')).toBeInstanceOf(ReadableStream)
  })

  // Regression (src-main/core/abuse/soak.test.ts): a non-streaming passthrough answer that broke off after
  // its headers reached the client as a 200 with half a JSON body, or as a dropped connection.
  test('a body that breaks off, or ends inside its JSON, is a retryable 502 before anything is sent', async () => {
    const broken = readPassthroughBody('i', response(200, () => Promise.reject(new Error('other side closed'))), 'application/json')
    await expect(broken).rejects.toSatisfy((error) => UpstreamError.isUpstreamError(error) && error.status === 502 && error.code === 'upstream_body_error' && error.retryable)
    const cut = readPassthroughBody('i', response(200, async () => '{"id":"chatcmpl-1","choi'), 'application/json; charset=utf-8')
    await expect(cut).rejects.toSatisfy((error) => UpstreamError.isUpstreamError(error) && error.status === 502 && error.code === 'upstream_invalid_response')
  })

  test('the idle timeout keeps its own 504', async () => {
    const timeout = new UpstreamError({ instanceId: 'i', status: 504, code: 'upstream_idle_timeout', message: 'idle' })
    await expect(readPassthroughBody('i', response(200, () => Promise.reject(timeout)), 'application/json')).rejects.toBe(timeout)
  })
})
