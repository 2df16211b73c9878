const levelNames: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' }
const omitted = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v'])

/** Turns one pino JSON line into `13:02:11 INFO  message key=value …` for the terminal. */
export function formatPrettyLine(jsonLine: string): string {
  let record: Record<string, unknown>
  try {
    record = JSON.parse(jsonLine) as Record<string, unknown>
  } catch {
    return jsonLine
  }
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 19) : ''
  const level = levelNames[Number(record.level)] ?? String(record.level)
  const fields = Object.entries(record)
    .filter(([key]) => !omitted.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  const message = typeof record.msg === 'string' ? record.msg : ''
  return `${time} ${level} ${message}${fields.length > 0 ? `  ${fields.join(' ')}` : ''}\n`
}
