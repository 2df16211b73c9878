/** `intl`: the international (Singapore) site; `cn`: the China (Beijing) site. API keys do not cross regions. */
export type DashScopeRegion = 'intl' | 'cn'

/** `standard`: pay-as-you-go (OpenAI-compatible mode); `coding`: the Coding Plan subscription, with its own `sk-sp-…` keys. */
export type DashScopePlan = 'standard' | 'coding'

/**
 * The official OpenAI-compatible roots, including the path the adapter appends `/chat/completions` to
 * (Model Studio "Base URL overview" and the Coding Plan quick start). A plan's key works only on its host.
 */
const baseUrls: Record<DashScopePlan, Record<DashScopeRegion, string>> = {
  standard: {
    intl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    cn: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
  },
  coding: {
    intl: 'https://coding-intl.dashscope.aliyuncs.com/v1',
    cn: 'https://coding.dashscope.aliyuncs.com/v1',
  },
}

export function dashScopeBaseUrl(plan: DashScopePlan, region: DashScopeRegion): string {
  return baseUrls[plan][region]
}
