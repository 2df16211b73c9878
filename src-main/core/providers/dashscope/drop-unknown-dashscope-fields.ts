import type { CifWarning } from '../../cif'
import type { OpenAiChatRequestBody } from '../openai-compatible'
import { dashScopeRequestFields } from './dashscope-request-fields'

/** Removes the top-level fields DashScope does not document (OpenAI's `user`, `frequency_penalty`, `store`, …), one warning each. */
export function dropUnknownDashScopeFields(body: OpenAiChatRequestBody, warnings: CifWarning[]): void {
  for (const field of Object.keys(body)) {
    if (dashScopeRequestFields.has(field)) continue
    delete body[field]
    warnings.push({ type: 'unsupported', feature: field, details: 'DashScope has no such request field; not sent' })
  }
}
