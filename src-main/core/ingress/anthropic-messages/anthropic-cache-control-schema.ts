import { z } from 'zod'

/** `cache_control` on a block, tool, system block or the whole request. `null` means none (the SDK allows it). */
export const anthropicCacheControlSchema = z
  .looseObject({
    type: z.literal('ephemeral'),
    ttl: z.enum(['5m', '1h']).optional(),
  })
  .nullish()

export type AnthropicCacheControl = NonNullable<z.infer<typeof anthropicCacheControlSchema>>
