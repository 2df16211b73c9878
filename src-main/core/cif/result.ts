import type { CifAssistantPart } from './content'
import type { CifFinishReason } from './finish-reason'
import type { CifUsage } from './usage'
import type { CifWarning } from './warning'

/** A whole (non-streaming) answer. */
export interface CifResult {
  /** The upstream's response id, when it has one. */
  id?: string
  /** The model that answered, as the upstream named it. */
  model?: string
  content: CifAssistantPart[]
  finishReason: CifFinishReason
  usage: CifUsage
  warnings: CifWarning[]
}
