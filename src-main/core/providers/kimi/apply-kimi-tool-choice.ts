import type { CifWarning } from '../../cif'
import type { OpenAiChatRequestBody } from '../openai-compatible'
import type { KimiModelTraits } from './kimi-model-traits'

/**
 * K2.6 and K2.7 refuse a forced tool choice while they think ("tool_choice 'required' is incompatible
 * with thinking enabled"). The tool choice is what goes: thinking stays as asked, the model chooses among
 * the tools itself, and the warning says how to force a tool (thinking off, on K2.6).
 */
export function applyKimiToolChoice(body: OpenAiChatRequestBody, traits: KimiModelTraits, thinks: boolean, model: string, warnings: CifWarning[]): void {
  const forced = body.tool_choice === 'required' || typeof body.tool_choice === 'object'
  if (!forced || !thinks || !traits.forcedToolChoiceNeedsThinkingOff) return
  const what = body.tool_choice === 'required' ? 'required' : 'a named tool'
  delete body.tool_choice
  const hint = traits.thinking === 'switch' ? ' Turn thinking off to force a tool.' : ''
  warnings.push({ type: 'unsupported', feature: `tool_choice ${what}`, details: `${model} refuses a forced tool choice while thinking; the model chooses among the tools.${hint}` })
}
