import type { CifWarning } from './warning'

/** The warnings of one conversion; `once` keeps a repeated problem (every reasoning block …) to one entry. */
export interface WarningCollector {
  readonly warnings: CifWarning[]
  add(warning: CifWarning): void
  once(key: string, warning: CifWarning): void
}

/** A fresh collector for one request conversion (ingress or provider side). */
export function createWarningCollector(): WarningCollector {
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
