/** One SSE frame. `event` is omitted for data-only streams (OpenAI chat). Multi-line data is split per spec. */
export function encodeSseEvent(data: string, event?: string): string {
  // JSON.stringify never puts a raw line break in its output: the everyday frame skips the split.
  const lines = data.includes('\n') ? data.split(/\r?\n/).map((line) => `data: ${line}`).join('\n') : `data: ${data}`
  return event ? `event: ${event}\n${lines}\n\n` : `${lines}\n\n`
}

/** An SSE comment: ignored by every client, keeps proxies and idle timers from closing the stream. */
export function encodeSseComment(text: string): string {
  return `: ${text}\n\n`
}
