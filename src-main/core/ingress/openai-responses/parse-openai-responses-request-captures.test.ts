import { describe, expect, test } from 'vitest'
import { loadClientCaptures, type ClientCapture } from '../../test-support/load-client-captures'
import type { CifMessage } from '../../cif'
import { parseOpenAiResponsesRequest } from './parse-openai-responses-request'

const responsesCaptures = (): ClientCapture[] => loadClientCaptures().filter((capture) => capture.path === '/v1/responses')

const captures = responsesCaptures()

function parse(name: string) {
  const capture = captures.find((candidate) => candidate.name === name)
  if (!capture) throw new Error(`no capture ${name}`)
  return parseOpenAiResponsesRequest(capture.body, capture.headers)
}

function roles(messages: CifMessage[]): string[] {
  return messages.map((message) => message.role)
}

describe('every captured Responses request parses', () => {
  test('the captures are all there', () => {
    const byClient: Record<string, number> = {}
    for (const capture of captures) byClient[capture.name.split('/')[0]!] = (byClient[capture.name.split('/')[0]!] ?? 0) + 1
    expect(byClient).toEqual({ codex: 19, opencode: 3, 'sdk-openai': 6, 'sdk-ai': 6 })
  })

  test.each(captures.map((capture) => [capture.name, capture] as const))('%s', (_name, capture) => {
    const { request } = parseOpenAiResponsesRequest(capture.body, capture.headers)
    expect(request.model).toBe(capture.body.model)
    expect(request.messages.length).toBeGreaterThan(0)
    expect(request.stream).toBe(capture.body.stream === true)
  })
})

describe('Codex', () => {
  test('developer items become the system prompt, the user items follow; no instructions field needed', () => {
    const { request, store, warnings } = parse('codex/01-exec-custom-provider-gpt-5/0001-POST-v1_responses.json')
    expect(request.system.map((part) => part.text.slice(0, 22))).toEqual([expect.any(String), '<skills_instructions>\n', '<permissions instructi'])
    expect(request.system[0]!.text.length).toBeGreaterThan(10_000)
    expect(roles(request.messages)).toEqual(['user', 'user'])
    expect(request).toMatchObject({ toolChoice: { type: 'auto' }, parallelToolCalls: true, reasoning: { summary: 'auto' }, promptCacheKey: '01a20cfb-bb99-7903-8836-d2cf477b28b2' })
    expect(request.dialectExtras).toMatchObject({ dialect: 'openai-responses', fields: { include: ['reasoning.encrypted_content'], client_metadata: expect.any(Object) } })
    expect(store).toBe(false)
    expect(warnings).toEqual([])
  })

  test('the multi_agent_v1 namespace is flattened into function tools, named the way Codex flattens them', () => {
    const { request, toolNames } = parse('codex/01-exec-custom-provider-gpt-5/0001-POST-v1_responses.json')
    const names = request.tools!.map((tool) => tool.name)
    expect(names).toEqual(expect.arrayContaining(['exec_command', 'multi_agent_v1__spawn_agent', 'multi_agent_v1__close_agent', 'web_search']))
    const spawn = request.tools!.find((tool) => tool.name === 'multi_agent_v1__spawn_agent')
    expect(spawn).toMatchObject({ type: 'function', description: expect.stringMatching(/^Tools for spawning and managing sub-agents\.\n\n/) })
    expect(request.tools!.find((tool) => tool.name === 'web_search')).toMatchObject({ type: 'builtin', dialect: 'openai-responses', raw: { type: 'web_search', external_web_access: false } })
    expect(toolNames.split('multi_agent_v1__spawn_agent')).toEqual({ name: 'spawn_agent', namespace: 'multi_agent_v1' })
  })

  test('a function call round trip: the call is an assistant turn, the output a tool turn that knows the tool name', () => {
    const { request } = parse('codex/02-exec-tool-roundtrip-exec_command/0002-POST-v1_responses.json')
    expect(roles(request.messages)).toEqual(['user', 'user', 'assistant', 'tool'])
    expect(request.messages[2]!.content).toEqual([
      { type: 'tool-call', toolCallId: 'call_b9c268d6deecf90c2b51be64', toolName: 'exec_command', kind: 'function', input: '{"cmd":"echo hello-from-codex"}', itemId: 'fc_3e877f14e67e6a237325a2d9' },
    ])
    expect(request.messages[3]!.content).toMatchObject([{ type: 'tool-result', toolCallId: 'call_b9c268d6deecf90c2b51be64', toolName: 'exec_command', kind: 'function', content: [{ type: 'text', text: expect.stringContaining('hello-from-codex') }] }])
  })

  test('the echoed reasoning item keeps its encrypted content and shares one assistant turn with the custom tool call', () => {
    const { request } = parse('codex/04-reasoning-and-custom-tool-roundtrip/0002-POST-v1_responses.json')
    expect(roles(request.messages)).toEqual(['user', 'user', 'assistant', 'tool'])
    expect(request.messages[2]!.content).toEqual([
      { type: 'reasoning', text: 'Mock reasoning summary.', itemId: 'rs_3c0bce3a891ba49b103f000d', encryptedContent: 'gAAAAAMockEncrypted5ON1pb+kZ/8qnJQoO/3QJhaIb+NGP7EM', origin: { dialect: 'openai-responses' } },
      { type: 'tool-call', toolCallId: 'call_eca053c42894458e5013e473', toolName: 'apply_patch', kind: 'custom', input: '*** Begin Patch\n*** Add File: hello.txt\n+hello from codex patch\n*** End Patch\n', itemId: 'ctc_8fadada5e54f81f3c162a90a' },
    ])
    expect(request.messages[3]!.content).toMatchObject([{ type: 'tool-result', kind: 'custom', toolName: 'apply_patch', toolCallId: 'call_eca053c42894458e5013e473' }])
    expect(request.tools!.find((tool) => tool.name === 'apply_patch')).toMatchObject({ type: 'custom', format: { type: 'grammar', syntax: 'lark' } })
    expect(request).toMatchObject({ reasoning: { effort: 'medium' }, dialectExtras: { fields: { text: { verbosity: 'low' } } } })
  })

  test('gpt-5.5 tools: tool_search and web_search are built-ins, apply_patch a custom tool', () => {
    const { request } = parse('codex/03-exec-model-gpt-5.5/0001-POST-v1_responses.json')
    expect(request.tools!.filter((tool) => tool.type === 'builtin').map((tool) => tool.name)).toEqual(['tool_search', 'web_search'])
  })

  test('responses-lite: additional_tools become the tools (functions namespace unprefixed), configuration_update the effort', () => {
    const { request, toolNames, warnings } = parse('codex/07-builtin-openai-provider-openai_base_url/0008-POST-v1_responses.json')
    const tools = request.tools!
    expect(tools.find((tool) => tool.name === 'exec')).toMatchObject({ type: 'custom' })
    expect(tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['wait', 'clock__sleep', 'collaboration__spawn_agent']))
    expect(toolNames.split('exec')).toEqual({ name: 'exec', namespace: 'functions' })
    expect(request.reasoning).toEqual({ effort: 'low' })
    expect(request.dialectExtras!.fields).toMatchObject({ reasoning: { context: 'all_turns' } })
    expect(request.system.length).toBeGreaterThan(3)
    expect(roles(request.messages)).toEqual(['user', 'user'])
    expect(warnings).toEqual([])
  })

  test('a retry that re-sent the partial answer: consecutive assistant messages join one assistant turn', () => {
    const { request } = parse('codex/09-retry-when-no-response-completed/0003-POST-v1_responses.json')
    expect(roles(request.messages)).toEqual(['user', 'user', 'assistant'])
    expect(request.messages[2]!.content).toEqual([
      { type: 'text', text: 'Hi! (mock)' },
      { type: 'text', text: 'Hi! (mock)' },
    ])
  })

  test('the title side call asks for structured output', () => {
    const { request } = parse('codex/08-interactive-tui/0002-POST-v1_responses.json')
    expect(request.responseFormat).toMatchObject({ type: 'json-schema', name: 'codex_output_schema', strict: true, schema: { required: ['title'] } })
  })

  test('the item ids Codex sends are kept for a later item_reference', () => {
    const { identifiedItems } = parse('codex/04-reasoning-and-custom-tool-roundtrip/0002-POST-v1_responses.json')
    expect(identifiedItems.map((item) => item.id)).toEqual(expect.arrayContaining(['rs_3c0bce3a891ba49b103f000d', 'ctc_8fadada5e54f81f3c162a90a', 'ctco_01a20cff-33ac-74d3-bdd6-8dba6b9d0966']))
  })
})

describe('OpenCode and the SDKs', () => {
  test('OpenCode: items without a type are messages, the developer one the system prompt; max_output_tokens and reasoning carried', () => {
    const { request } = parse('opencode/04-openai-responses-tool-roundtrip/0003-POST-v1_responses.json')
    expect(request.system).toHaveLength(1)
    expect(roles(request.messages)).toEqual(['user', 'assistant', 'tool'])
    expect(request).toMatchObject({ maxOutputTokens: 32000, reasoning: { effort: 'medium', summary: 'auto' }, promptCacheKey: 'ses_df2ff9ebdffeb2olG2UoFa35gU' })
    expect(request.messages[1]!.content).toMatchObject([{ type: 'tool-call', toolName: 'bash', toolCallId: 'call_d8a6ff008f7aa091b381c19a' }])
    expect(request.messages[1]!.content[0]).not.toHaveProperty('itemId')
  })

  test('the openai SDK: a string input is one user message', () => {
    const { request } = parse('sdk-openai/01-probe/0007-POST-v1_responses.json')
    expect(request).toMatchObject({ system: [], messages: [{ role: 'user', content: [{ type: 'text', text: 'say hi' }] }], stream: false })
  })

  test('the AI SDK: a function tool round trip', () => {
    const { request } = parse('sdk-ai/01-probe/0004-POST-v1_responses.json')
    expect(roles(request.messages)).toEqual(['user', 'assistant', 'tool'])
    expect(request.tools).toMatchObject([{ type: 'function', name: 'get_weather' }])
  })
})
