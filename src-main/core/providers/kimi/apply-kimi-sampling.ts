import type { CifWarning } from '../../cif'
import type { OpenAiChatRequestBody } from '../openai-compatible'
import type { KimiModelTraits } from './kimi-model-traits'

/**
 * Kimi's sampling rules. The kimi-* models fix temperature (1 while thinking, 0.6 without), top_p
 * (0.95) and the penalties (0) and refuse any other value, so these fields are not sent; a value that
 * differs from the fixed one is warned. moonshot-v1 takes temperature in [0, 1]: a higher one (OpenAI
 * allows 2) is clamped, warned.
 */
export function applyKimiSampling(body: OpenAiChatRequestBody, traits: KimiModelTraits, thinks: boolean, model: string, warnings: CifWarning[]): void {
  if (traits.fixedSampling) {
    const fixed: Record<string, number> = { temperature: thinks ? 1 : 0.6, top_p: 0.95, presence_penalty: 0, frequency_penalty: 0 }
    for (const [field, value] of Object.entries(fixed)) {
      if (body[field] === undefined) continue
      if (body[field] !== value) warnings.push({ type: 'unsupported', feature: field, details: `${model} fixes ${field} at ${value}; the requested ${String(body[field])} was not sent` })
      delete body[field]
    }
    return
  }
  if (traits.temperatureMax !== undefined && typeof body.temperature === 'number' && body.temperature > traits.temperatureMax) {
    warnings.push({ type: 'other', message: `temperature ${body.temperature} clamped to ${traits.temperatureMax} (${model} takes [0, ${traits.temperatureMax}])` })
    body.temperature = traits.temperatureMax
  }
}
