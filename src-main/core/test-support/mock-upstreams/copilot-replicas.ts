import { startCopilotApiMock, type CopilotApiMock } from './copilot-api-mock'
import { startGithubMock, type GithubMock, type GithubMockOptions } from './github-mock'

export interface CopilotReplicas {
  github: GithubMock
  copilot: CopilotApiMock
  /** A provider entry pointed at the replicas (githubUrl, githubApiUrl), with a signed-in GitHub token unless `signedIn: false`. */
  provider(entry?: { id?: string; signedIn?: boolean } & Record<string, unknown>): Record<string, unknown> & { id: string; type: 'github-copilot' }
  close(): Promise<void>
}

/** GitHub and the Copilot API together: the token exchange names the Copilot replica in `endpoints.api`. */
export async function startCopilotReplicas(options: Omit<GithubMockOptions, 'copilotApiUrl'> = {}): Promise<CopilotReplicas> {
  const holder: { github?: GithubMock } = {}
  const copilot = await startCopilotApiMock({ checkToken: (token) => holder.github?.checkCopilotToken(token) ?? 'unknown' })
  const started = await startGithubMock({ ...options, copilotApiUrl: copilot.url })
  holder.github = started
  return {
    github: started,
    copilot,
    provider({ id = 'cop', signedIn = true, ...rest } = {}) {
      return { id, type: 'github-copilot' as const, githubUrl: started.url, githubApiUrl: started.url, ...(signedIn ? { apiKey: started.issueGithubToken() } : {}), ...rest }
    },
    close: async () => {
      await started.close()
      await copilot.close()
    },
  }
}
