import type { ProviderDefinition } from '../provider-definition'
import { createDashScopeProvider } from './create-dashscope-provider'
import { parseDashScopeConfig } from './parse-dashscope-config'
import { dashScopeSettings } from './dashscope-settings'

/**
 * Alibaba Cloud Model Studio / DashScope (`type: "dashscope"`): Qwen and the other hosted models through
 * the OpenAI-compatible mode, pay-as-you-go or Coding Plan, international or China site. DashScope's SSE
 * has rejected valid bodies in production, so a stream that fails before its first byte is retried once
 * without streaming by default.
 */
export const dashScopeProviderDefinition: ProviderDefinition = {
  type: 'dashscope',
  label: 'Alibaba Cloud Model Studio (DashScope)',
  create: (context) => createDashScopeProvider(parseDashScopeConfig(context.config), context),
  settings: dashScopeSettings,
  defaults: { nonStreamingFallback: true },
}

export { createDashScopeProvider } from './create-dashscope-provider'
export { dashScopeBaseUrl, type DashScopePlan, type DashScopeRegion } from './dashscope-base-url'
export { parseDashScopeConfig, type DashScopeProviderConfig } from './parse-dashscope-config'
