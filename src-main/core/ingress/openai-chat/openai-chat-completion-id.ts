/** The completion id: the upstream's when it is already a chat id, else one derived from the request id (greppable in the log). */
export function openAiChatCompletionId(upstreamId: string | undefined, requestId: string): string {
  return upstreamId?.startsWith('chatcmpl-') ? upstreamId : `chatcmpl-${requestId}`
}
