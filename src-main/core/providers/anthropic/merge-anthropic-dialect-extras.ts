import type { CifRequest, CifWarning } from '../../cif'
import type { AnthropicRequestBody } from './anthropic-request-body'

/**
 * Fields an Anthropic client sent that the CIF has no slot for (context_management, service_tier,
 * output_config.effort, container …) go into the body unchanged; `output_config` is merged with what the
 * adapter built. Another dialect's extras mean nothing here: dropped with a warning naming them.
 */
export function mergeAnthropicDialectExtras(body: AnthropicRequestBody, extras: CifRequest['dialectExtras'], warnings: CifWarning[]): void {
  if (!extras) return
  const names = Object.keys(extras.fields)
  if (names.length === 0) return
  if (extras.dialect !== 'anthropic-messages') {
    warnings.push({ type: 'unsupported', feature: `${extras.dialect} request fields`, details: `Anthropic has no equivalent of ${names.join(', ')}; dropped.` })
    return
  }
  for (const [name, value] of Object.entries(extras.fields)) {
    if (name === 'output_config' && isRecord(value)) body.output_config = { ...value, ...body.output_config }
    else if (body[name] === undefined) body[name] = value
    else warnings.push({ type: 'other', message: `The client's ${name} was not applied: the adapter already set it from the canonical request.` })
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
