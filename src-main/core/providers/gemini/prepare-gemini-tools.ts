import type { CifCustomTool, CifFunctionTool, CifRequest, CifWarning } from '../../cif'
import type { GeminiFunctionDeclaration, GeminiSchema, GeminiToolConfig } from './gemini-request-body'
import { sanitizeGeminiSchema, type GeminiSchemaReport } from './sanitize-gemini-schema'

export interface PreparedGeminiTools {
  tools?: Array<{ functionDeclarations: GeminiFunctionDeclaration[] }>
  toolConfig?: GeminiToolConfig
  /** Names of CIF custom (freeform) tools: their functionCalls map back to `kind: 'custom'`. */
  customToolNames: Set<string>
  warnings: CifWarning[]
}

/**
 * CIF tools → one Gemini tool with `functionDeclarations`, plus `toolConfig.functionCallingConfig`.
 * - function tools: their JSON Schema sanitised (see sanitize-gemini-schema); an object schema without
 *   properties is left out, as the API rejects an empty OBJECT for `parameters`.
 * - custom (freeform) tools: a function with one string argument `input`; a grammar goes into the description.
 * - built-in tools of other dialects cannot run on Gemini: dropped with a warning.
 * - tool_choice: auto → AUTO, none → NONE, required → ANY, a named tool → ANY + allowedFunctionNames.
 */
export function prepareGeminiTools(request: Pick<CifRequest, 'tools' | 'toolChoice' | 'parallelToolCalls'>): PreparedGeminiTools {
  const warnings: CifWarning[] = []
  const customToolNames = new Set<string>()
  const report: GeminiSchemaReport = { lossy: new Set() }
  /** Tool names by what Gemini cannot honour (`strict`, Anthropic tool options …), for one warning each. */
  const unsupported = new Map<string, string[]>()
  const declarations: GeminiFunctionDeclaration[] = []
  for (const tool of request.tools ?? []) {
    if (tool.type === 'function') declarations.push(toDeclaration(tool, report, unsupported))
    else if (tool.type === 'custom') {
      customToolNames.add(tool.name)
      declarations.push(toCustomDeclaration(tool, warnings))
    } else warnings.push({ type: 'unsupported', feature: `builtin tool ${tool.name}`, details: `A ${tool.dialect} built-in tool cannot run on Gemini; it was dropped.` })
  }
  for (const [option, tools] of unsupported) {
    warnings.push({ type: 'unsupported', feature: `tool option ${option}`, details: `Gemini has no "${option}" for function declarations; it was dropped (${tools.join(', ')}).` })
  }
  if (report.lossy.size > 0) {
    warnings.push({ type: 'unsupported', feature: 'tool schema keywords', details: `Gemini's Schema cannot express ${[...report.lossy].join(', ')}; those parts of the tool schemas were dropped or approximated.` })
  }
  if (request.parallelToolCalls === false && declarations.length > 0) {
    warnings.push({ type: 'unsupported', feature: 'parallel_tool_calls', details: 'Gemini has no switch to forbid parallel function calls; the model may still make several.' })
  }
  const toolConfig = toToolConfig(request, declarations.length > 0, warnings)
  return { ...(declarations.length > 0 ? { tools: [{ functionDeclarations: declarations }] } : {}), ...(toolConfig ? { toolConfig } : {}), customToolNames, warnings }
}

function toDeclaration(tool: CifFunctionTool, report: GeminiSchemaReport, unsupported: Map<string, string[]>): GeminiFunctionDeclaration {
  const parameters = sanitizeGeminiSchema(tool.inputSchema, report)
  // Gemini does not promise schema adherence of function arguments.
  const options = [...(tool.strict ? ['strict'] : []), ...Object.keys(tool.dialectOptions ?? {})]
  for (const option of options) unsupported.set(option, [...(unsupported.get(option) ?? []), tool.name])
  return { name: tool.name, ...(tool.description !== undefined ? { description: tool.description } : {}), ...(hasArguments(parameters) ? { parameters } : {}) }
}

function hasArguments(schema: GeminiSchema): boolean {
  const isObject = typeof schema.type === 'string' && schema.type.toLowerCase() === 'object'
  return !isObject || (typeof schema.properties === 'object' && schema.properties !== null && Object.keys(schema.properties).length > 0)
}

function toCustomDeclaration(tool: CifCustomTool, warnings: CifWarning[]): GeminiFunctionDeclaration {
  const format = tool.format as { type?: string; syntax?: string; definition?: string } | undefined
  let description = tool.description ?? ''
  if (format?.type === 'grammar' && format.definition) {
    description += `${description ? '\n\n' : ''}The input must follow this ${format.syntax ?? ''} grammar:\n${format.definition}`
    warnings.push({ type: 'unsupported', feature: 'custom tool grammar', details: `Tool ${tool.name}: Gemini cannot constrain input to a grammar; the grammar was added to the description.` })
  }
  return {
    name: tool.name,
    ...(description ? { description } : {}),
    parameters: { type: 'object', properties: { input: { type: 'string', description: 'The raw input for this freeform tool.' } }, required: ['input'] },
  }
}

function toToolConfig(request: Pick<CifRequest, 'toolChoice'>, hasTools: boolean, warnings: CifWarning[]): GeminiToolConfig | undefined {
  const choice = request.toolChoice
  if (!choice) return undefined
  if (!hasTools) {
    if (choice.type === 'required' || choice.type === 'tool') warnings.push({ type: 'other', message: `tool_choice "${choice.type}" was dropped: the request has no tool Gemini can call.` })
    return undefined
  }
  switch (choice.type) {
    case 'auto':
      return { functionCallingConfig: { mode: 'AUTO' } }
    case 'none':
      return { functionCallingConfig: { mode: 'NONE' } }
    case 'required':
      return { functionCallingConfig: { mode: 'ANY' } }
    case 'tool':
      return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.toolName] } }
  }
}
