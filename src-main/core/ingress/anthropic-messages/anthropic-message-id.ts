/** The upstream's id when it is already a Messages id (`msg_…`), else one made from the gateway's request id. */
export function anthropicMessageId(upstreamId: string | undefined, requestId: string): string {
  return upstreamId?.startsWith('msg_') ? upstreamId : `msg_${requestId}`
}
