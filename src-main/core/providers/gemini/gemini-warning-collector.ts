import type { CifWarning } from '../../cif'

/** The warnings of one conversion; `once` keeps a repeated problem (every reasoning block …) to one entry. */
export interface GeminiWarningCollector {
  readonly warnings: CifWarning[]
  add(warning: CifWarning): void
  once(key: string, warning: CifWarning): void
}

export function createGeminiWarningCollector(): GeminiWarningCollector {
  const warnings: CifWarning[] = []
  const seen = new Set<string>()
  return {
    warnings,
    add: (warning) => warnings.push(warning),
    once(key, warning) {
      if (seen.has(key)) return
      seen.add(key)
      warnings.push(warning)
    },
  }
}
