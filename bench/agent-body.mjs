// A coding agent's request, the shape Claude Code sends every turn (see ../shared/fixtures/client-captures/
// claude-code): a long system prompt, ~40 tools with JSON-schema inputs, and a history of text, tool calls
// and tool results — about 200 KB of JSON. Deterministic, so every run and every target gets the same bytes.
// One body per dialect: Anthropic Messages (for /v1/messages, translated) and OpenAI chat (same-dialect).

const words = 'the file function returns value test error build module import config request stream model token cache'.split(' ')
const prose = (seed, count) => Array.from({ length: count }, (_, i) => words[(seed * 7 + i * 13) % words.length]).join(' ')

function tool(index) {
  const properties = {}
  for (let p = 0; p < 8; p++) {
    properties[`param_${p}`] =
      p % 3 === 0
        ? { type: 'array', description: prose(index + p, 30), items: { type: 'object', properties: { path: { type: 'string', description: prose(p, 12) }, line: { type: 'integer', minimum: 0 } }, required: ['path'] } }
        : { type: p % 3 === 1 ? 'string' : 'boolean', description: prose(index * 3 + p, 40) }
  }
  return { name: `tool_${index}`, description: prose(index, 150), input_schema: { type: 'object', properties, required: ['param_0'], additionalProperties: false } }
}

const tools = Array.from({ length: 40 }, (_, i) => tool(i))
const system = prose(1, 1200)
// 30 turns: user text, assistant text + a tool call, the tool's result.
const turns = Array.from({ length: 30 }, (_, i) => ({ ask: prose(i, 60), say: prose(i + 1, 80), callId: `toolu_${String(i).padStart(4, '0')}`, tool: `tool_${i % 40}`, result: prose(i + 2, 120) }))

export function anthropicAgentBody(model) {
  const messages = []
  for (const turn of turns) {
    messages.push({ role: 'user', content: [{ type: 'text', text: turn.ask }] })
    messages.push({ role: 'assistant', content: [{ type: 'text', text: turn.say }, { type: 'tool_use', id: turn.callId, name: turn.tool, input: { param_0: [{ path: 'src/index.ts', line: 1 }] } }] })
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: turn.callId, content: turn.result }] })
  }
  messages.push({ role: 'user', content: [{ type: 'text', text: 'Go on.' }] })
  return JSON.stringify({ model, max_tokens: 32000, system: [{ type: 'text', text: system }], tools, messages })
}

export function openAiAgentBody(model) {
  const messages = [{ role: 'system', content: system }]
  for (const turn of turns) {
    messages.push({ role: 'user', content: turn.ask })
    messages.push({ role: 'assistant', content: turn.say, tool_calls: [{ id: turn.callId, type: 'function', function: { name: turn.tool, arguments: JSON.stringify({ param_0: [{ path: 'src/index.ts', line: 1 }] }) } }] })
    messages.push({ role: 'tool', tool_call_id: turn.callId, content: turn.result })
  }
  messages.push({ role: 'user', content: 'Go on.' })
  const openAiTools = tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.input_schema } }))
  return JSON.stringify({ model, max_tokens: 32000, tools: openAiTools, messages })
}
