export interface RateLimitSettings {
  rateLimitSeconds: number
  rateLimitRpm: number
}

/** The configured limits in words, for 429 messages and the start-up log: "one request every 2 s, 30 requests per minute". */
export function describeRateLimit(settings: RateLimitSettings): string {
  const parts: string[] = []
  if (settings.rateLimitSeconds > 0) parts.push(`one request every ${settings.rateLimitSeconds} s`)
  if (settings.rateLimitRpm > 0) parts.push(`${settings.rateLimitRpm} request${settings.rateLimitRpm === 1 ? '' : 's'} per minute`)
  return parts.length === 0 ? 'none' : parts.join(', ')
}
