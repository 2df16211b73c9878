import { expect, test } from 'vitest'
import { closeModelMatches, editDistance } from './close-model-matches'

test('editDistance counts single-character edits, ignoring case', () => {
  expect(editDistance('kitten', 'sitting')).toBe(3)
  expect(editDistance('GPT-4o', 'gpt-4o')).toBe(0)
  expect(editDistance('', 'abc')).toBe(3)
})

test('closeModelMatches: substrings and near misses, closest first, at most five', () => {
  const known = ['gpt-4o', 'gpt-4o-mini', 'gpt-5', 'qwen3-coder', 'claude-sonnet-4-6']
  expect(closeModelMatches('gtp-4o', known)).toEqual(['gpt-4o'])
  expect(closeModelMatches('gpt-4', known)).toEqual(['gpt-4o', 'gpt-5', 'gpt-4o-mini'])
  expect(closeModelMatches('mini', known)).toEqual(['gpt-4o-mini'])
  expect(closeModelMatches('claude-sonet-4-6', known)).toEqual(['claude-sonnet-4-6'])
  expect(closeModelMatches('llama', known)).toEqual([])
  expect(closeModelMatches('gpt', ['gpt-1', 'gpt-2', 'gpt-3', 'gpt-4', 'gpt-5', 'gpt-6'])).toHaveLength(5)
})
