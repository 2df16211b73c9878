/**
 * The proto messages of the Gemini API (google.ai.generativelanguage.v1beta) that requests may carry,
 * field by field, so the mock parses JSON as strictly as the real proto JSON parser: `name:Type`,
 * `[]` for repeated fields, `{}` for maps. Scalars: string, bool, int, number, bytes (base64); `value`
 * is any JSON (google.protobuf.Value), `struct` any JSON object. Other type names are messages or enums.
 */
const messageFields: Record<string, string[]> = {
  GenerateContentRequest: ['model:string', 'contents:Content[]', 'tools:Tool[]', 'toolConfig:ToolConfig', 'safetySettings:SafetySetting[]', 'systemInstruction:Content', 'generationConfig:GenerationConfig', 'cachedContent:string'],
  CountTokensRequest: ['contents:Content[]', 'generateContentRequest:GenerateContentRequest'],
  EmbedContentRequest: ['model:string', 'content:Content', 'taskType:TaskType', 'title:string', 'outputDimensionality:int'],
  BatchEmbedContentsRequest: ['requests:EmbedContentRequest[]'],
  Content: ['role:string', 'parts:Part[]'],
  Part: [
    'text:string', 'inlineData:Blob', 'fileData:FileData', 'functionCall:FunctionCall', 'functionResponse:FunctionResponse', 'executableCode:value',
    'codeExecutionResult:value', 'toolCall:value', 'toolResponse:value', 'thought:bool', 'thoughtSignature:bytes', 'videoMetadata:value', 'partMetadata:struct', 'mediaResolution:value',
  ],
  Blob: ['mimeType:string', 'data:bytes'],
  FileData: ['mimeType:string', 'fileUri:string'],
  FunctionCall: ['id:string', 'name:string', 'args:struct'],
  FunctionResponse: ['id:string', 'name:string', 'response:struct', 'parts:FunctionResponsePart[]', 'willContinue:bool', 'scheduling:Scheduling'],
  FunctionResponsePart: ['inlineData:FunctionResponseBlob'],
  FunctionResponseBlob: ['mimeType:string', 'data:bytes'],
  Tool: ['functionDeclarations:FunctionDeclaration[]', 'googleSearchRetrieval:value', 'codeExecution:value', 'googleSearch:value', 'urlContext:value', 'fileSearch:value', 'googleMaps:value', 'computerUse:value', 'mcpServers:value'],
  FunctionDeclaration: ['name:string', 'description:string', 'behavior:Behavior', 'parameters:Schema', 'parametersJsonSchema:value', 'response:Schema', 'responseJsonSchema:value'],
  Schema: [
    'type:Type', 'format:string', 'title:string', 'description:string', 'nullable:bool', 'enum:string[]', 'maxItems:int', 'minItems:int', 'properties:Schema{}', 'required:string[]',
    'minProperties:int', 'maxProperties:int', 'minLength:int', 'maxLength:int', 'pattern:string', 'example:value', 'anyOf:Schema[]', 'propertyOrdering:string[]', 'default:value',
    'items:Schema', 'minimum:number', 'maximum:number',
  ],
  ToolConfig: ['functionCallingConfig:FunctionCallingConfig', 'retrievalConfig:value'],
  FunctionCallingConfig: ['mode:Mode', 'allowedFunctionNames:string[]'],
  GenerationConfig: [
    'stopSequences:string[]', 'responseMimeType:string', 'responseSchema:Schema', 'responseJsonSchema:value', 'responseModalities:Modality[]', 'candidateCount:int', 'maxOutputTokens:int',
    'temperature:number', 'topP:number', 'topK:int', 'seed:int', 'presencePenalty:number', 'frequencyPenalty:number', 'responseLogprobs:bool', 'logprobs:int',
    'enableEnhancedCivicAnswers:bool', 'speechConfig:value', 'thinkingConfig:ThinkingConfig', 'imageConfig:value', 'mediaResolution:MediaResolution',
  ],
  ThinkingConfig: ['includeThoughts:bool', 'thinkingBudget:int', 'thinkingLevel:ThinkingLevel'],
  SafetySetting: ['category:HarmCategory', 'threshold:HarmBlockThreshold'],
}

/** Enum values (matched without regard to case, as the API does: `"object"` is OBJECT). */
export const geminiMockEnums: Record<string, readonly string[]> = {
  Type: ['TYPE_UNSPECIFIED', 'STRING', 'NUMBER', 'INTEGER', 'BOOLEAN', 'ARRAY', 'OBJECT'],
  Mode: ['MODE_UNSPECIFIED', 'AUTO', 'ANY', 'NONE', 'VALIDATED'],
  Behavior: ['UNSPECIFIED', 'BLOCKING', 'NON_BLOCKING'],
  Scheduling: ['SCHEDULING_UNSPECIFIED', 'SILENT', 'WHEN_IDLE', 'INTERRUPT'],
  Modality: ['MODALITY_UNSPECIFIED', 'TEXT', 'IMAGE', 'AUDIO'],
  MediaResolution: ['MEDIA_RESOLUTION_UNSPECIFIED', 'MEDIA_RESOLUTION_LOW', 'MEDIA_RESOLUTION_MEDIUM', 'MEDIA_RESOLUTION_HIGH'],
  ThinkingLevel: ['THINKING_LEVEL_UNSPECIFIED', 'MINIMAL', 'LOW', 'MEDIUM', 'HIGH'],
  TaskType: ['TASK_TYPE_UNSPECIFIED', 'RETRIEVAL_QUERY', 'RETRIEVAL_DOCUMENT', 'SEMANTIC_SIMILARITY', 'CLASSIFICATION', 'CLUSTERING', 'QUESTION_ANSWERING', 'FACT_VERIFICATION', 'CODE_RETRIEVAL_QUERY'],
  HarmCategory: [
    'HARM_CATEGORY_UNSPECIFIED', 'HARM_CATEGORY_DEROGATORY', 'HARM_CATEGORY_TOXICITY', 'HARM_CATEGORY_VIOLENCE', 'HARM_CATEGORY_SEXUAL', 'HARM_CATEGORY_MEDICAL', 'HARM_CATEGORY_DANGEROUS',
    'HARM_CATEGORY_HARASSMENT', 'HARM_CATEGORY_HATE_SPEECH', 'HARM_CATEGORY_SEXUALLY_EXPLICIT', 'HARM_CATEGORY_DANGEROUS_CONTENT', 'HARM_CATEGORY_CIVIC_INTEGRITY',
  ],
  HarmBlockThreshold: ['HARM_BLOCK_THRESHOLD_UNSPECIFIED', 'BLOCK_LOW_AND_ABOVE', 'BLOCK_MEDIUM_AND_ABOVE', 'BLOCK_ONLY_HIGH', 'BLOCK_NONE', 'OFF'],
}

/** The fields of Part's `data` oneof: exactly one must be set. */
export const geminiMockPartDataFields = ['text', 'inlineData', 'fileData', 'functionCall', 'functionResponse', 'executableCode', 'codeExecutionResult', 'toolCall', 'toolResponse']

export interface GeminiMockField {
  /** lowerCamel, as in JSON. */
  name: string
  type: string
  repeated: boolean
  map: boolean
}

/** A message's fields by JSON name; the proto (snake_case) spelling is accepted as well. */
export function geminiMockFields(message: string): ReadonlyMap<string, GeminiMockField> | undefined {
  const specs = messageFields[message]
  if (!specs) return undefined
  const fields = new Map<string, GeminiMockField>()
  for (const spec of specs) {
    const [name, rawType] = spec.split(':') as [string, string]
    const field = { name, type: rawType.replace(/\[\]|\{\}$/, ''), repeated: rawType.endsWith('[]'), map: rawType.endsWith('{}') }
    fields.set(name, field)
    fields.set(toSnakeCase(name), field)
  }
  return fields
}

export function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}
