import { z } from 'zod'
import type { ProviderConfig } from '../../config/gateway-config-schema'
import { parseProviderFields } from '../parse-provider-fields'
import { defaultCopilotApiUrl, defaultGithubApiUrl, defaultGithubUrl, type CopilotAccountType } from './copilot-constants'

/** The fields a `github-copilot` entry adds to the common ones. */
export const githubCopilotFieldsSchema = z
  .object({
    accountType: z.enum(['individual', 'business', 'enterprise']).optional(),
    /** GitHub's web host (device flow); GitHub Enterprise Server or a local replica. */
    githubUrl: z.url().optional(),
    /** GitHub's REST API (token exchange, user, quota). */
    githubApiUrl: z.url().optional(),
    /** Claude Code's warm-up, title and compaction calls go to this model (premium-request savings). */
    smallModel: z.string().min(1).optional(),
    /** First-byte budget for long-reasoning models (default 300 000 ms; others use firstByteTimeoutMs). */
    reasoningFirstByteTimeoutMs: z.number().int().positive().optional(),
  })
  .strict()

export interface GithubCopilotConfig {
  instanceId: string
  /** A GitHub token from the config file or `--github-token`; else the one sign-in stored. */
  githubToken?: string
  accountType: CopilotAccountType
  githubUrl: string
  githubApiUrl: string
  /** `baseUrl` from the entry: pins the Copilot API host (else the token exchange's `endpoints.api`). */
  copilotApiUrl?: string
  /** Used until a token exchange names the host. */
  defaultCopilotApiUrl: string
  smallModel?: string
  reasoningFirstByteTimeoutMs: number
  firstByteTimeoutMs?: number
}

const trim = (url: string) => url.replace(/\/+$/, '')

/** A config entry → the provider's config; an unknown or bad own field stops start-up naming it. */
export function parseGithubCopilotConfig(config: ProviderConfig): GithubCopilotConfig {
  const fields = parseProviderFields(config, githubCopilotFieldsSchema, 'github-copilot')
  const accountType = fields.accountType ?? 'individual'
  return {
    instanceId: config.id,
    ...(config.apiKey ? { githubToken: config.apiKey } : {}),
    accountType,
    githubUrl: trim(fields.githubUrl ?? defaultGithubUrl),
    githubApiUrl: trim(fields.githubApiUrl ?? defaultGithubApiUrl),
    ...(config.baseUrl ? { copilotApiUrl: trim(config.baseUrl) } : {}),
    defaultCopilotApiUrl: defaultCopilotApiUrl(accountType),
    ...(fields.smallModel ? { smallModel: fields.smallModel } : {}),
    reasoningFirstByteTimeoutMs: fields.reasoningFirstByteTimeoutMs ?? 300_000,
    ...(config.firstByteTimeoutMs ? { firstByteTimeoutMs: config.firstByteTimeoutMs } : {}),
  }
}
