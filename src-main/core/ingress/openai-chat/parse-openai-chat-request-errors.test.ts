import { describe, expect, test } from 'vitest'
import { GatewayError } from '../../errors/gateway-error'
import { parseOpenAiChatRequest } from './parse-openai-chat-request'

function errorOf(body: Record<string, unknown>): GatewayError {
  try {
    parseOpenAiChatRequest(body, {})
  } catch (error) {
    if (GatewayError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a GatewayError')
}

describe('bad input → 400 naming the field', () => {
  const hi = [{ role: 'user', content: 'hi' }]
  test.each<[string, Record<string, unknown>, string]>([
    ['no model', { messages: hi }, 'model: Invalid input: expected string, received undefined'],
    ['empty model', { model: '', messages: hi }, 'model: Too small: expected string to have >=1 characters'],
    ['no messages', { model: 'm' }, 'messages: Invalid input: expected array, received undefined'],
    ['empty messages', { model: 'm', messages: [] }, 'messages: Too small: expected array to have >=1 items'],
    ['unknown role', { model: 'm', messages: [{ role: 'bot', content: 'x' }] }, "messages.0.role: Invalid discriminator value. Expected 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function'"],
    ['content of the wrong type', { model: 'm', messages: [{ role: 'user', content: 3 }] }, 'messages.0.content: Invalid input: expected string or array, received number'],
    [
      'unknown part type',
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'video' }] }] },
      "messages.0.content.1.type: Invalid discriminator value. Expected 'text' | 'image_url' | 'input_audio' | 'file'",
    ],
    ['text part without text', { model: 'm', messages: [{ role: 'user', content: [{ type: 'text' }] }] }, 'messages.0.content.0.text: Invalid input: expected string, received undefined'],
    [
      'audio input',
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'x', format: 'wav' } }] }] },
      'messages.0.content.0.type: audio input ("input_audio") is not supported by the gateway; send text, images or files.',
    ],
    [
      'image that is not a URL',
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'cat.png' } }] }] },
      'messages.0.content.0.image_url.url: expected an http(s) URL or a data URL.',
    ],
    ['file without data', { model: 'm', messages: [{ role: 'user', content: [{ type: 'file', file: { filename: 'a.pdf' } }] }] }, 'messages.0.content.0.file: either file_id or file_data is required.'],
    ['tool message without tool_call_id', { model: 'm', messages: [{ role: 'tool', content: 'x' }] }, 'messages.0.tool_call_id: Invalid input: expected string, received undefined'],
    [
      'tool call without id',
      { model: 'm', messages: [{ role: 'assistant', tool_calls: [{ type: 'function', function: { name: 'f', arguments: '{}' } }] }] },
      'messages.0.tool_calls.0.id: Invalid input: expected string, received undefined',
    ],
    [
      'function role',
      { model: 'm', messages: [{ role: 'function', name: 'f', content: 'x' }] },
      'messages.0.role: the deprecated "function" role is not supported; answer tool_calls with "tool" messages.',
    ],
    [
      'assistant function_call',
      { model: 'm', messages: [{ role: 'assistant', content: null, function_call: { name: 'f', arguments: '{}' } }] },
      'messages.0.function_call: deprecated function calling is not supported; send the call in tool_calls.',
    ],
    ['functions', { model: 'm', messages: hi, functions: [{ name: 'f' }] }, 'functions: deprecated function calling is not supported; declare the functions in "tools".'],
    ['n > 1', { model: 'm', messages: hi, n: 2 }, 'n: only n=1 is supported; the gateway returns one choice.'],
    ['audio output', { model: 'm', messages: hi, modalities: ['text', 'audio'] }, 'modalities: audio output is not supported by the gateway; ask for ["text"].'],
    ['temperature out of range', { model: 'm', messages: hi, temperature: 3 }, 'temperature: Too big: expected number to be <=2'],
    [
      'unknown reasoning_effort',
      { model: 'm', messages: hi, reasoning_effort: 'extreme' },
      'reasoning_effort: Invalid option: expected one of "none"|"minimal"|"low"|"medium"|"high"|"xhigh"|"max"',
    ],
    ['unknown tool type', { model: 'm', messages: hi, tools: [{ type: 'web_search' }] }, "tools.0.type: Invalid discriminator value. Expected 'function' | 'custom'"],
    ['bad tool_choice', { model: 'm', messages: hi, tool_choice: 'any' }, 'tool_choice: Invalid option: expected one of "none"|"auto"|"required"'],
    ['stop of the wrong type', { model: 'm', messages: hi, stop: 3 }, 'stop: Invalid input: expected string or array, received number'],
    [
      'allowed_tools naming an undeclared tool',
      { model: 'm', messages: hi, tools: [], tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'x' } }] } } },
      'tool_choice.allowed_tools.tools.0: expected a tool from "tools" ({type: "function", function: {name}}).',
    ],
  ])('%s', (_name, body, message) => {
    const error = errorOf(body)
    expect(error.status).toBe(400)
    expect(error.message).toBe(message)
  })
})
