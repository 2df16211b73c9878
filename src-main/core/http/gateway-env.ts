/** Per-request values shared by middleware and routes (`c.get('requestId')`). */
export interface GatewayEnv {
  Variables: {
    requestId: string
    /** The model the client asked for, set by routes that have one (for the request log). */
    model: string | undefined
  }
}
