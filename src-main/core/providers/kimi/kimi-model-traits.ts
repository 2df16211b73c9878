/**
 * What the adapter must know about a Kimi model to build a request the API accepts (Kimi API docs:
 * models overview and parameter comparison, thinking-model and thinking-effort guides), read from its
 * name. Dated or suffixed variants (`kimi-k2.6-…`) share their family's traits; any other name is
 * `unknown` and gets no model-specific change beyond Kimi's K2 thinking switch.
 */
export interface KimiModelTraits {
  family: 'kimi-k3' | 'kimi-k2.7' | 'kimi-k2.6' | 'kimi-k2.5' | 'moonshot-v1' | 'unknown'
  /**
   * `effort`: always thinks, depth by `reasoning_effort` low/high/max (K3); `always`: always thinks, no
   * control (K2.7 Code); `switch`: `thinking: {type: enabled|disabled}`, on by default (K2.5, K2.6);
   * `none`: no thinking (moonshot-v1).
   */
  thinking: 'effort' | 'always' | 'switch' | 'none'
  /** temperature, top_p and the penalties are fixed by the platform; other values are refused. */
  fixedSampling: boolean
  /** tool_choice `required` or a named tool is refused while the model thinks. */
  forcedToolChoiceNeedsThinkingOff: boolean
  /** moonshot-v1 takes temperature in [0, 1]. */
  temperatureMax?: number
}

export function kimiModelTraits(model: string): KimiModelTraits {
  const name = model.toLowerCase()
  const is = (family: string) => name === family || name.startsWith(`${family}-`)
  if (is('kimi-k3')) return { family: 'kimi-k3', thinking: 'effort', fixedSampling: true, forcedToolChoiceNeedsThinkingOff: false }
  if (is('kimi-k2.7')) return { family: 'kimi-k2.7', thinking: 'always', fixedSampling: true, forcedToolChoiceNeedsThinkingOff: true }
  if (is('kimi-k2.6')) return { family: 'kimi-k2.6', thinking: 'switch', fixedSampling: true, forcedToolChoiceNeedsThinkingOff: true }
  if (is('kimi-k2.5')) return { family: 'kimi-k2.5', thinking: 'switch', fixedSampling: true, forcedToolChoiceNeedsThinkingOff: false }
  if (name.startsWith('moonshot-v1-')) return { family: 'moonshot-v1', thinking: 'none', fixedSampling: false, forcedToolChoiceNeedsThinkingOff: false, temperatureMax: 1 }
  return { family: 'unknown', thinking: 'switch', fixedSampling: false, forcedToolChoiceNeedsThinkingOff: false }
}
