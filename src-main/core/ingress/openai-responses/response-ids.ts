import { randomBytes } from 'node:crypto'

/** Ids in OpenAI's shapes: `resp_…` for a response, `msg_…`/`rs_…`/`fc_…`/`ctc_…` for its output items. */
export type OutputItemPrefix = 'msg' | 'rs' | 'fc' | 'ctc'

export function newResponseId(): string {
  return `resp_${randomBytes(24).toString('hex')}`
}

export function newItemId(prefix: OutputItemPrefix): string {
  return `${prefix}_${randomBytes(24).toString('hex')}`
}
