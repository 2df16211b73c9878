import { setTimeout as sleep } from 'node:timers/promises'
import type { z } from 'zod'
import { UpstreamError } from '../../errors/upstream-error'
import { loadCodeAssistSchema, onboardOperationSchema, projectIdOf, type LoadCodeAssistAnswer } from './cloud-code-api'

/** The client description loadCodeAssist and onboardUser expect (gemini-cli sends the same). */
export const cloudCodeClientMetadata = { ideType: 'IDE_UNSPECIFIED', platform: 'PLATFORM_UNSPECIFIED', pluginType: 'GEMINI' } as const

export const onboardingPollIntervalMs = 2_000
const onboardingPolls = 15

/** A call to the Cloud Code API that resolves with the schema-checked JSON of a 2xx answer. */
export type CloudCodeCall = <T>(path: string, json: unknown | undefined, schema: z.ZodType<T>, what: string) => Promise<T>

/**
 * The Cloud Code project this account works in. loadCodeAssist names it once the account is set up;
 * an account without a tier is onboarded onto the default tier (the free tier gets a Google-managed
 * project), polling the operation until it is done. A tier that needs the user's own project, with none
 * configured, stops with a 403 that says to set `project`.
 */
export async function discoverCloudCodeProject(instanceId: string, call: CloudCodeCall, signal: AbortSignal): Promise<string> {
  const loaded = await call('/v1internal:loadCodeAssist', { metadata: cloudCodeClientMetadata }, loadCodeAssistSchema, 'loadCodeAssist answer')
  const known = projectIdOf(loaded.cloudaicompanionProject)
  if (known) return known
  if (loaded.currentTier) throw projectRequired(instanceId, loaded)

  const tier = loaded.allowedTiers?.find((candidate) => candidate.isDefault) ?? { id: 'legacy-tier', userDefinedCloudaicompanionProject: true }
  if (tier.userDefinedCloudaicompanionProject) throw projectRequired(instanceId, loaded)
  let operation = await call('/v1internal:onboardUser', { tierId: tier.id, metadata: cloudCodeClientMetadata }, onboardOperationSchema, 'onboardUser answer')
  for (let poll = 0; !operation.done && operation.name && poll < onboardingPolls; poll++) {
    await sleep(onboardingPollIntervalMs, undefined, { signal })
    operation = await call(`/v1internal/${operation.name}`, undefined, onboardOperationSchema, 'onboarding operation')
  }
  const onboarded = operation.done ? projectIdOf(operation.response?.cloudaicompanionProject) : undefined
  if (onboarded) return onboarded
  const reason = operation.error?.message ?? (operation.done ? 'the operation named no project' : 'the operation did not finish in time')
  throw new UpstreamError({ instanceId, status: 502, code: 'onboarding_failed', message: `Setting up Gemini Code Assist for provider "${instanceId}" (antigravity) failed: ${reason}.` })
}

function projectRequired(instanceId: string, loaded: LoadCodeAssistAnswer): UpstreamError {
  const reasons = (loaded.ineligibleTiers ?? []).flatMap((tier) => (tier.reasonMessage ? [tier.reasonMessage] : []))
  return new UpstreamError({
    instanceId,
    status: 403,
    code: 'project_required',
    message: `Provider "${instanceId}" (antigravity): this Google account needs its own Google Cloud project for Gemini Code Assist; set \`project\` in the instance's config.${reasons.length > 0 ? ` Google says: ${reasons.join('; ')}` : ''}`,
  })
}
