import { describe, expect, it } from 'vitest'

import { humanizeKey, summarizeUsage } from './summarize-usage'

describe('usage summary', () => {
  it('reads the quotas of a Copilot quota snapshot', () => {
    const summary = summarizeUsage({
      copilot_plan: 'individual',
      quota_reset_date: '2026-12-01',
      quota_snapshots: {
        chat: { entitlement: 0, remaining: 0, percent_remaining: 100, unlimited: true },
        premium_interactions: { entitlement: 300, remaining: 255, percent_remaining: 85, unlimited: false },
        odd: 'not an object',
      },
    })
    expect(summary).toEqual({
      plan: 'individual',
      resetDate: '2026-12-01',
      quotas: [
        { id: 'chat', label: 'Chat', unlimited: true, remaining: 0, entitlement: 0, percentRemaining: 100 },
        { id: 'premium_interactions', label: 'Premium interactions', unlimited: false, remaining: 255, entitlement: 300, percentRemaining: 85 },
      ],
    })
  })

  it('has nothing to say about other shapes', () => {
    expect(summarizeUsage({ total: 5 })).toBeNull()
    expect(summarizeUsage({ quota_snapshots: {} })).toBeNull()
    expect(summarizeUsage({ quota_snapshots: [1, 2] })).toBeNull()
  })

  it('humanizes keys', () => {
    expect(humanizeKey('premium_interactions')).toBe('Premium interactions')
    expect(humanizeKey('completions')).toBe('Completions')
  })
})
