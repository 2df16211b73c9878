import { openProviderHost, StartupError } from '../core'
import type { CheckUsageFlags } from './add-provider-commands'
import { hostOptions, type CommandIo } from './auth-command'

interface QuotaSnapshot {
  entitlement?: number
  remaining?: number
  percent_remaining?: number
  unlimited?: boolean
}

/** One line per quota of Copilot's `/copilot_internal/user` report. */
export function formatCopilotUsage(usage: Record<string, unknown>): string {
  const lines = [`Copilot plan: ${String(usage.copilot_plan ?? 'unknown')}`]
  if (usage.quota_reset_date) lines.push(`Quota resets: ${String(usage.quota_reset_date)}`)
  const snapshots = (usage.quota_snapshots ?? {}) as Record<string, QuotaSnapshot>
  const names: Record<string, string> = { premium_interactions: 'Premium requests', chat: 'Chat', completions: 'Completions' }
  for (const [key, snapshot] of Object.entries(snapshots)) {
    const label = names[key] ?? key
    if (snapshot.unlimited) {
      lines.push(`  ${label}: unlimited`)
      continue
    }
    const total = snapshot.entitlement ?? 0
    const used = total - (snapshot.remaining ?? 0)
    const percent = snapshot.percent_remaining ?? (total > 0 ? ((snapshot.remaining ?? 0) / total) * 100 : 0)
    lines.push(`  ${label}: ${used}/${total} used (${percent.toFixed(1)}% remaining)`)
  }
  return `${lines.join('\n')}\n`
}

/** `omnillm check-usage`: the active (else first) github-copilot instance's quota, without starting the gateway. */
export async function runCheckUsageCommand(flags: CheckUsageFlags, io: CommandIo): Promise<void> {
  const host = await openProviderHost(hostOptions(flags, io))
  try {
    const active = host.config.settings.activeProvider
    const activeIsCopilot = host.config.providers.some((provider) => provider.id === active && provider.type === 'github-copilot')
    const id = flags.id ?? (activeIsCopilot ? active : undefined)
    const { config, definition, http } = host.instance({ type: 'github-copilot', ...(id ? { id } : {}) })
    const provider = definition.create({ config, http, logger: host.logger, secrets: host.secretsFor(config.id) })
    if (!provider.usage) throw new StartupError(`provider "${config.id}" has no usage report`)
    const usage = await provider.usage({ signal: io.signal ?? AbortSignal.timeout(30_000), clientHeaders: {}, requestId: 'check-usage' })
    io.write(`Provider "${config.id}"\n${formatCopilotUsage(usage)}`)
  } finally {
    await host.close()
  }
}
