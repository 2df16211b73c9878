import { describe, expect, test } from 'vitest'
import type { CifAssistantPart, CifMessage, CifRequest } from '../../cif'
import { buildGeminiRequestBody } from './build-gemini-request-body'

const userText = (text: string): CifMessage => ({ role: 'user', content: [{ type: 'text', text }] })
const request = (overrides: Partial<CifRequest> = {}): CifRequest => ({ model: 'gemini-2.5-flash', system: [], messages: [userText('hi')], stream: false, ...overrides })
const call = (id: string, input = '{"city":"Oslo"}'): CifAssistantPart => ({ type: 'tool-call', toolCallId: id, toolName: 'get_weather', kind: 'function', input })
const result = (id: string, text: string): CifMessage => ({ role: 'tool', content: [{ type: 'tool-result', toolCallId: id, kind: 'function', content: [{ type: 'text', text }] }] })
const geminiOrigin = { dialect: 'gemini' as const, instanceId: 'ge' }

describe('contents and systemInstruction', () => {
  test('leading system turns join systemInstruction; a later one becomes user text with a warning', () => {
    const built = buildGeminiRequestBody(
      request({ system: [{ type: 'text', text: 'You are helpful.' }], messages: [{ role: 'system', content: [{ type: 'text', text: 'Be terse.' }] }, userText('hi'), { role: 'system', content: [{ type: 'text', text: 'Answer in French.' }] }] }),
    )
    expect(built.body.systemInstruction).toEqual({ parts: [{ text: 'You are helpful.' }, { text: 'Be terse.' }] })
    expect(built.body.contents).toEqual([{ role: 'user', parts: [{ text: 'hi' }, { text: '<system-reminder>\nAnswer in French.\n</system-reminder>' }] }])
    expect(built.warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('no mid-conversation system prompt') })])
  })

  test('a tool loop: one model content per step, function responses named from the earlier call, with ids', () => {
    const built = buildGeminiRequestBody(
      request({ messages: [userText('go'), { role: 'assistant', content: [{ type: 'text', text: 'Checking.' }] }, { role: 'assistant', content: [call('c1'), call('c2', '{"city":"Rome"}')] }, result('c1', 'Rain'), result('c2', 'Sun'), userText('and tomorrow?')] }),
    )
    expect(built.body.contents).toEqual([
      { role: 'user', parts: [{ text: 'go' }] },
      { role: 'model', parts: [{ text: 'Checking.' }, { functionCall: { id: 'c1', name: 'get_weather', args: { city: 'Oslo' } } }, { functionCall: { id: 'c2', name: 'get_weather', args: { city: 'Rome' } } }] },
      {
        role: 'user',
        parts: [{ functionResponse: { id: 'c1', name: 'get_weather', response: { output: 'Rain' } } }, { functionResponse: { id: 'c2', name: 'get_weather', response: { output: 'Sun' } } }, { text: 'and tomorrow?' }],
      },
    ])
    expect(built.warnings).toEqual([])
  })

  test('failed calls answer with {error}; images in results go inside the response on Gemini 3, after it before', () => {
    const image = { type: 'image' as const, source: { type: 'base64' as const, mediaType: 'image/png', data: 'iVBORw0KGgo=' } }
    const messages: CifMessage[] = [userText('go'), { role: 'assistant', content: [call('c1')] }, { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'get_weather', kind: 'function', isError: true, content: [{ type: 'text', text: 'no map' }, image] }] }]
    const older = buildGeminiRequestBody(request({ messages })).body.contents[2]!.parts
    expect(older).toEqual([{ functionResponse: { id: 'c1', name: 'get_weather', response: { error: 'no map' } } }, { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } }])
    const newer = buildGeminiRequestBody(request({ model: 'gemini-3-pro-preview', messages })).body.contents[2]!.parts
    expect(newer).toEqual([{ functionResponse: { id: 'c1', name: 'get_weather', response: { error: 'no map' }, parts: [{ inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } }] } }])
  })

  test('media: inline images and PDFs as inlineData, URLs as fileData (warned), foreign file ids dropped', () => {
    const built = buildGeminiRequestBody(
      request({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'url', url: 'https://example.com/cat.webp?size=2' } },
              { type: 'document', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, title: 'Report' },
              { type: 'document', source: { type: 'text', mediaType: 'text/plain', text: 'notes' } },
              { type: 'image', source: { type: 'file-id', fileId: 'file_abc' } },
            ],
          },
        ],
      }),
    )
    expect(built.body.contents[0]!.parts).toEqual([
      { fileData: { mimeType: 'image/webp', fileUri: 'https://example.com/cat.webp?size=2' } },
      { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } },
      { inlineData: { mimeType: 'text/plain', data: Buffer.from('notes').toString('base64') } },
    ])
    expect(built.warnings.map((warning) => ('feature' in warning ? warning.feature : 'other'))).toEqual(['other', 'document title/context/citations', 'file id'])
  })
})

describe('reasoning and thought signatures', () => {
  test('Gemini thoughts replay as thought parts, signatures on the part that carried them; foreign reasoning is dropped', () => {
    const messages: CifMessage[] = [
      userText('go'),
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'Let me think.', signature: 'c2lnLXRob3VnaHQ=', origin: geminiOrigin },
          { type: 'reasoning', text: 'chain', origin: { dialect: 'anthropic' }, signature: 'EqAnthropic' },
          { type: 'reasoning', text: '', signature: 'c2lnLWNhbGw=', origin: geminiOrigin },
          call('c1'),
        ],
      },
      result('c1', 'Rain'),
      { role: 'assistant', content: [{ type: 'text', text: 'It rains.' }, { type: 'reasoning', text: '', signature: 'c2lnLXRleHQ=', origin: geminiOrigin }] },
      userText('thanks'),
    ]
    const built = buildGeminiRequestBody(request({ messages }))
    expect(built.body.contents[1]!.parts).toEqual([
      { text: 'Let me think.', thought: true, thoughtSignature: 'c2lnLXRob3VnaHQ=' },
      { functionCall: { id: 'c1', name: 'get_weather', args: { city: 'Oslo' } }, thoughtSignature: 'c2lnLWNhbGw=' },
    ])
    expect(built.body.contents[3]!.parts).toEqual([{ text: 'It rains.' }, { text: '', thoughtSignature: 'c2lnLXRleHQ=' }])
    expect(built.warnings).toEqual([expect.objectContaining({ feature: 'reasoning replay', details: expect.stringContaining('anthropic') })])
  })

  test('Gemini 3: an unsigned call of the current turn gets the documented sentinel (warned); earlier turns do not', () => {
    const messages: CifMessage[] = [userText('first'), { role: 'assistant', content: [call('c0')] }, result('c0', 'Fog'), userText('go'), { role: 'assistant', content: [call('c1'), call('c2')] }, result('c1', 'Rain')]
    const built = buildGeminiRequestBody(request({ model: 'gemini-3-pro-preview', messages }))
    const signatures = built.body.contents.flatMap((content) => content.parts.flatMap((part) => ('functionCall' in part ? [part.thoughtSignature ?? null] : [])))
    expect(signatures).toEqual([null, 'skip_thought_signature_validator', null])
    expect(built.warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('skip_thought_signature_validator') })])
    const older = buildGeminiRequestBody(request({ messages }))
    expect(older.body.contents.flatMap((content) => content.parts).some((part) => part.thoughtSignature)).toBe(false)
  })

  test('thinking: budgets as they are, effort approximated (warned), off as 0, adaptive as -1', () => {
    const thinking = (reasoning: CifRequest['reasoning']) => buildGeminiRequestBody(request({ reasoning }))
    expect(thinking({ budgetTokens: 2048 }).body.generationConfig).toEqual({ thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } })
    const effort = thinking({ effort: 'low' })
    expect(effort.body.generationConfig?.thinkingConfig).toEqual({ thinkingBudget: 4096, includeThoughts: true })
    expect(effort.warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('approximation') })])
    expect(thinking({ enabled: false }).body.generationConfig?.thinkingConfig).toEqual({ thinkingBudget: 0 })
    expect(thinking({ adaptive: true }).body.generationConfig?.thinkingConfig).toEqual({ thinkingBudget: -1, includeThoughts: true })
  })
})

describe('tools and generation settings', () => {
  test('tools, tool_choice, custom tools; an object schema without properties sends no parameters', () => {
    const built = buildGeminiRequestBody(
      request({
        tools: [
          { type: 'function', name: 'get_weather', description: 'Weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
          { type: 'function', name: 'ping', inputSchema: { type: 'object', properties: {}, additionalProperties: false } },
          { type: 'custom', name: 'apply_patch', description: 'Patch', format: { type: 'grammar', syntax: 'lark', definition: 'start: /.+/' } },
          { type: 'builtin', dialect: 'openai-responses', name: 'web_search', raw: { type: 'web_search' } },
        ],
        toolChoice: { type: 'tool', toolName: 'get_weather' },
      }),
    )
    expect(built.body.tools).toEqual([
      {
        functionDeclarations: [
          { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
          { name: 'ping' },
          { name: 'apply_patch', description: 'Patch\n\nThe input must follow this lark grammar:\nstart: /.+/', parameters: { type: 'object', properties: { input: { type: 'string', description: 'The raw input for this freeform tool.' } }, required: ['input'] } },
        ],
      },
    ])
    expect(built.body.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } })
    expect([...built.customToolNames]).toEqual(['apply_patch'])
    expect(built.warnings.map((warning) => ('feature' in warning ? warning.feature : warning.message))).toEqual(['custom tool grammar', 'builtin tool web_search', 'tool schema keywords'])
  })

  test('sampling, stop sequences, JSON output; what Gemini has no slot for is warned', () => {
    const built = buildGeminiRequestBody(
      request({
        maxOutputTokens: 100,
        temperature: 0.2,
        topP: 0.9,
        topK: 40,
        seed: 7,
        presencePenalty: 0.1,
        frequencyPenalty: 0.2,
        stopSequences: ['END'],
        responseFormat: { type: 'json-schema', schema: { type: 'object', properties: { answer: { type: 'string' } }, additionalProperties: false }, description: 'The answer' },
        user: 'u-1',
        cacheControl: { type: 'ephemeral' },
        toolChoice: { type: 'required' },
      }),
    )
    expect(built.body.generationConfig).toEqual({
      maxOutputTokens: 100,
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      seed: 7,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
      stopSequences: ['END'],
      responseMimeType: 'application/json',
      responseSchema: { type: 'object', properties: { answer: { type: 'string' } }, description: 'The answer' },
    })
    expect(built.body.toolConfig).toBeUndefined()
    expect(built.warnings.map((warning) => ('feature' in warning ? warning.feature : warning.message))).toEqual([
      'tool_choice "required" was dropped: the request has no tool Gemini can call.',
      'response schema keywords',
      'cache_control',
      'user',
    ])
  })
})
