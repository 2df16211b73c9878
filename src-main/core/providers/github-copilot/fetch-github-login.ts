import { UpstreamError } from '../../errors/upstream-error'
import { parseUpstreamJson } from '../http/parse-upstream-json'
import { readUpstreamText } from '../http/read-upstream-text'
import type { UpstreamHttpClient } from '../http/upstream-http-client'
import { githubRequestHeaders } from './copilot-headers'
import { githubUserSchema } from './github-api'

/** GET {githubApiUrl}/user with the GitHub token → the account's login. */
export async function fetchGithubLogin(options: { http: UpstreamHttpClient; instanceId: string; githubApiUrl: string; githubToken: string; signal: AbortSignal }): Promise<string> {
  const response = await options.http.request({
    instanceId: options.instanceId,
    url: `${options.githubApiUrl}/user`,
    headers: githubRequestHeaders(options.githubToken),
    signal: options.signal,
  })
  const text = await readUpstreamText(response)
  if (response.status !== 200) throw new UpstreamError({ instanceId: options.instanceId, status: response.status, message: `GitHub answered GET /user with HTTP ${response.status}.`, body: text })
  return parseUpstreamJson(options.instanceId, text, githubUserSchema, 'user', 'GitHub').login
}
