import type { CifWarning } from '../../cif'
import type { OpenAiChatRequestBody } from '../openai-compatible'
import type { KimiModelTraits } from './kimi-model-traits'

/** moonshot-v1 has JSON mode but no JSON-schema outputs (structured outputs are for kimi-* models): the schema is not enforced, warned. */
export function applyKimiResponseFormat(body: OpenAiChatRequestBody, traits: KimiModelTraits, model: string, warnings: CifWarning[]): void {
  if (traits.family !== 'moonshot-v1' || body.response_format?.type !== 'json_schema') return
  body.response_format = { type: 'json_object' }
  warnings.push({ type: 'unsupported', feature: 'response_format json_schema', details: `${model} takes JSON mode only; sent as json_object, the schema is not enforced` })
}
