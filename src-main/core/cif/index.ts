export type { CifCacheControl } from './cache-control'
export type {
  CifAssistantPart,
  CifDocumentPart,
  CifImagePart,
  CifMediaSource,
  CifReasoningDialect,
  CifReasoningOrigin,
  CifReasoningPart,
  CifSystemPart,
  CifTextPart,
  CifToolCallPart,
  CifToolKind,
  CifToolResultContent,
  CifToolResultPart,
  CifUserPart,
} from './content'
export type { CifFinishReason, CifUnifiedFinishReason } from './finish-reason'
export type { CifMessage } from './message'
export type { CifDialect, CifReasoningConfig, CifReasoningEffort, CifRequest, CifResponseFormat } from './request'
export type { CifResult } from './result'
export type { CifStreamPart } from './stream-part'
export type { CifBuiltinTool, CifCustomTool, CifFunctionTool, CifTool, CifToolChoice, JsonSchema } from './tool'
export { createWarningCollector, type WarningCollector } from './create-warning-collector'
export { budgetForEffort, effortForBudget } from './reasoning-budget'
export { resultToStream, resultToStreamParts } from './result-to-stream-parts'
export { mergeUsage, uncachedInputTokens, usageFromAnthropic, type CifUsage } from './usage'
export type { CifWarning } from './warning'
