import type { CifWarning } from '../../cif'

/** Reports a block only Anthropic's servers understand (see anthropicServerOnlyBlockTypes) and drops it. */
export function dropServerOnlyBlock(type: string, path: string, warnings: CifWarning[]): [] {
  warnings.push({
    type: 'unsupported',
    feature: `${path}: ${type}`,
    details: 'Only an Anthropic upstream (through passthrough) can use this block; it was left out of the conversation.',
  })
  return []
}
