import type { RequestAttempt } from '../store/request-log-repository'

/** Per-request values shared by middleware and routes (`c.get('requestId')`). */
export interface GatewayEnv {
  Variables: {
    requestId: string
    /** The model the client asked for, set by routes that have one (for the request log). */
    model: string | undefined
    /** The instance that served (or last failed), for the request log. */
    providerId: string | undefined
    /** Candidates that failed before the one that served (failover), for the request log. */
    attempts: RequestAttempt[] | undefined
  }
}
