/**
 * The generateContent request as we send it (POST /v1beta/models/{model}:generateContent). Only what the
 * adapters produce is typed; field names are the REST (lowerCamel) spellings of the proto fields.
 */

export interface GeminiBlob {
  mimeType: string
  /** Base64. */
  data: string
}

export interface GeminiFunctionCall {
  id?: string
  name: string
  args: Record<string, unknown>
}

export interface GeminiFunctionResponse {
  id?: string
  name: string
  /** `{output}` for a result, `{error}` for a failed call (the documented keys). */
  response: Record<string, unknown>
  /** Images and PDFs returned by the tool (multimodal function responses, Gemini 3 and later). */
  parts?: Array<{ inlineData: GeminiBlob }>
}

/** Exactly one data field per part; `thought` and `thoughtSignature` ride along. */
export type GeminiPart = (
  | { text: string }
  | { inlineData: GeminiBlob }
  | { fileData: { mimeType: string; fileUri: string } }
  | { functionCall: GeminiFunctionCall }
  | { functionResponse: GeminiFunctionResponse }
) & { thought?: boolean; thoughtSignature?: string }

export interface GeminiContent {
  role: 'user' | 'model'
  parts: GeminiPart[]
}

/** The OpenAPI-subset Schema object Gemini reads in `parameters` and `responseSchema`. */
export type GeminiSchema = Record<string, unknown>

export interface GeminiFunctionDeclaration {
  name: string
  description?: string
  /** Omitted for a tool without arguments (the API rejects an OBJECT without properties here). */
  parameters?: GeminiSchema
}

export type GeminiFunctionCallingMode = 'AUTO' | 'ANY' | 'NONE'

export interface GeminiToolConfig {
  functionCallingConfig: { mode: GeminiFunctionCallingMode; allowedFunctionNames?: string[] }
}

export interface GeminiThinkingConfig {
  /** Tokens; 0 turns thinking off, -1 lets the model decide. */
  thinkingBudget: number
  includeThoughts?: boolean
}

export interface GeminiGenerationConfig {
  maxOutputTokens?: number
  temperature?: number
  topP?: number
  topK?: number
  seed?: number
  presencePenalty?: number
  frequencyPenalty?: number
  stopSequences?: string[]
  responseMimeType?: string
  responseSchema?: GeminiSchema
  thinkingConfig?: GeminiThinkingConfig
}

export interface GeminiSafetySetting {
  category: string
  threshold: string
}

export interface GeminiRequestBody {
  contents: GeminiContent[]
  systemInstruction?: { parts: Array<{ text: string }> }
  tools?: Array<{ functionDeclarations: GeminiFunctionDeclaration[] }>
  toolConfig?: GeminiToolConfig
  generationConfig?: GeminiGenerationConfig
  safetySettings?: GeminiSafetySetting[]
}
