import type { Database } from './database'

/** One request the gateway served. */
export interface RequestLog {
  id: number
  requestId: string
  /** ISO-8601 UTC. */
  createdAt: string
  method: string
  path: string
  status: number
  durationMs: number
  clientIp: string | null
  userAgent: string | null
  /** Null for requests that name no model (for example GET /v1/models). */
  model: string | null
  providerId: string | null
  inputTokens: number | null
  outputTokens: number | null
  errorMessage: string | null
  /** The candidates that failed before the one that served (or before the last failure); null when the first served. */
  attempts: RequestAttempt[] | null
}

/** One failed upstream attempt of a request (failover). */
export interface RequestAttempt {
  instanceId: string
  model: string
  /** The upstream's status (502 for a connection failure); null for a failure with none. */
  status: number | null
  reason: string
}

type NullableField = 'clientIp' | 'userAgent' | 'model' | 'providerId' | 'inputTokens' | 'outputTokens' | 'errorMessage' | 'attempts'

/** A record to insert; `createdAt` defaults to now and a missing nullable field is stored as null. */
export type NewRequestLog = Omit<RequestLog, 'id' | 'createdAt' | NullableField> &
  Partial<Pick<RequestLog, NullableField>> & { createdAt?: Date }

export interface RequestLogRepository {
  /** Returns the new row's id. */
  insert(record: NewRequestLog): number
  /**
   * Queues the record (its `createdAt` taken now) and writes it, with every other record queued in the next
   * `requestLogFlushMs`, in one transaction from a timer: one commit per batch instead of one per request,
   * and none on the response's path. Closing the database writes the queue first; so do reads through this
   * repository, so they always see it. A failed batch goes to `onError` (default: a line on stderr); it never throws here.
   */
  insertSoon(record: NewRequestLog, onError?: (error: unknown) => void): void
  /** Writes the queued records now. */
  flush(): void
  /** Newest first; `beforeId` pages on from the last id of the previous page. */
  listRecent(options: { limit: number; beforeId?: number }): RequestLog[]
  count(): number
  /** Deletes rows created before `date`; returns how many. */
  pruneOlderThan(date: Date): number
}

interface RequestLogRow {
  id: number
  request_id: string
  created_at: string
  method: string
  path: string
  status: number
  duration_ms: number
  client_ip: string | null
  user_agent: string | null
  model: string | null
  provider_id: string | null
  input_tokens: number | null
  output_tokens: number | null
  error_message: string | null
  attempts: string | null
}

export function createRequestLogRepository(
  db: Database,
  clock: { now: () => Date } = { now: () => new Date() },
): RequestLogRepository {
  const insertStatement = db.prepare<[Omit<RequestLogRow, 'id'>]>(`
    INSERT INTO request_logs (request_id, created_at, method, path, status, duration_ms, client_ip, user_agent,
      model, provider_id, input_tokens, output_tokens, error_message, attempts)
    VALUES (@request_id, @created_at, @method, @path, @status, @duration_ms, @client_ip, @user_agent,
      @model, @provider_id, @input_tokens, @output_tokens, @error_message, @attempts)
  `)
  const recentStatement = db.prepare<[number], RequestLogRow>('SELECT * FROM request_logs ORDER BY id DESC LIMIT ?')
  const recentBeforeStatement = db.prepare<[number, number], RequestLogRow>(
    'SELECT * FROM request_logs WHERE id < ? ORDER BY id DESC LIMIT ?',
  )
  const countStatement = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM request_logs')
  const pruneStatement = db.prepare<[string]>('DELETE FROM request_logs WHERE created_at < ?')

  const toRow = (record: NewRequestLog): Omit<RequestLogRow, 'id'> => ({
    request_id: record.requestId,
    created_at: (record.createdAt ?? clock.now()).toISOString(),
    method: record.method,
    path: record.path,
    status: record.status,
    duration_ms: record.durationMs,
    client_ip: record.clientIp ?? null,
    user_agent: record.userAgent ?? null,
    model: record.model ?? null,
    provider_id: record.providerId ?? null,
    input_tokens: record.inputTokens ?? null,
    output_tokens: record.outputTokens ?? null,
    error_message: record.errorMessage ?? null,
    attempts: record.attempts && record.attempts.length > 0 ? JSON.stringify(record.attempts) : null,
  })

  // Measured (bench/): one autocommitted INSERT per request was the gateway's largest single CPU cost; then
  // one commit per event-loop turn (setImmediate) still meant one per request at low concurrency (~4 % of the
  // CPU, a WAL page each). A short window batches those too.
  let queue: { row: Omit<RequestLogRow, 'id'>; onError?: (error: unknown) => void }[] = []
  let scheduled = false
  flushBeforeClose(db, () => flush())
  const insertBatch = db.transaction((rows: Omit<RequestLogRow, 'id'>[]) => {
    for (const row of rows) insertStatement.run(row)
  })
  function flush(): void {
    if (queue.length === 0) return
    const batch = queue
    queue = []
    // Closed before the batch was due (a host stopping in the same turn): there is nowhere to write it.
    if (!db.open) return
    try {
      insertBatch(batch.map((entry) => entry.row))
    } catch (error) {
      const handlers = new Set(batch.map((entry) => entry.onError))
      for (const handler of handlers) {
        if (handler) handler(error)
        else process.stderr.write(`omnillm: cannot write ${batch.length} request log row(s): ${(error as Error).message}\n`)
      }
    }
  }

  return {
    insert(record) {
      flush()
      return Number(insertStatement.run(toRow(record)).lastInsertRowid)
    },
    insertSoon(record, onError) {
      queue.push({ row: toRow(record), onError })
      if (scheduled) return
      scheduled = true
      setTimeout(() => {
        scheduled = false
        flush()
      }, requestLogFlushMs)
    },
    flush,
    listRecent({ limit, beforeId }) {
      if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`)
      flush()
      const rows = beforeId === undefined ? recentStatement.all(limit) : recentBeforeStatement.all(beforeId, limit)
      return rows.map(fromRow)
    },
    count: () => {
      flush()
      return countStatement.get()?.count ?? 0
    },
    pruneOlderThan: (date) => {
      flush()
      return pruneStatement.run(date.toISOString()).changes
    },
  }
}

/**
 * How long a queued row waits for others before the batch is committed. Short: a crash loses at most the
 * rows of this window (src-main/core/abuse/durability.test.ts allows 100 ms).
 */
export const requestLogFlushMs = 10

const beforeClose = Symbol('omnillm.beforeClose')
type ClosableDatabase = Database & { [beforeClose]?: Array<() => void> }

/** Runs `hook` when `db.close()` is called, before the connection closes (a graceful stop writes the queue). */
function flushBeforeClose(db: Database, hook: () => void): void {
  const closable = db as ClosableDatabase
  if (!closable[beforeClose]) {
    const hooks: Array<() => void> = []
    closable[beforeClose] = hooks
    const close = db.close.bind(db)
    db.close = () => {
      for (const run of hooks.splice(0)) run()
      return close()
    }
  }
  closable[beforeClose].push(hook)
}

function fromRow(row: RequestLogRow): RequestLog {
  return {
    id: row.id,
    requestId: row.request_id,
    createdAt: row.created_at,
    method: row.method,
    path: row.path,
    status: row.status,
    durationMs: row.duration_ms,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    model: row.model,
    providerId: row.provider_id,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    errorMessage: row.error_message,
    attempts: row.attempts === null ? null : (JSON.parse(row.attempts) as RequestAttempt[]),
  }
}
