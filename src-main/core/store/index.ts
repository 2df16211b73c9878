export { applyMigrations, assertSchemaNotNewer } from './apply-migrations'
export type { Database } from './database'
export type { Migration } from './migration'
export { createDisabledModelRepository } from './disabled-model-repository'
export type { DisabledModelRepository } from './disabled-model-repository'
export { migrations } from './migrations'
export { openDatabase } from './open-database'
export { createOpenAiResponseRepository } from './openai-response-repository'
export type {
  NewOpenAiResponse,
  OpenAiResponseRepository,
  StoredConversation,
  StoredOpenAiResponse,
} from './openai-response-repository'
export { createProviderInstanceRepository } from './provider-instance-repository'
export type {
  ProviderInstance,
  ProviderInstanceInput,
  ProviderInstanceRepository,
} from './provider-instance-repository'
export { readSchemaVersion } from './read-schema-version'
export { createRequestLogRepository } from './request-log-repository'
export type { NewRequestLog, RequestAttempt, RequestLog, RequestLogRepository } from './request-log-repository'
export { setVerifiedPragma } from './set-verified-pragma'
export { createSettingsRepository } from './settings-repository'
export type { SettingsRepository } from './settings-repository'
