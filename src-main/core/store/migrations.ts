import type { Migration } from './migration'
import { disabledModels } from './migrations/disabled-models'
import { initialSchema } from './migrations/initial-schema'
import { openAiResponseStore } from './migrations/openai-response-store'
import { requestLogAttempts } from './migrations/request-log-attempts'

/** Every migration this version of OmniLLM knows, oldest first. Append new ones; never reorder or edit. */
export const migrations: readonly Migration[] = [initialSchema, openAiResponseStore, disabledModels, requestLogAttempts]
