/** Something the request asked for that the chosen upstream cannot do; logged, never dropped silently. */
export type CifWarning =
  | { type: 'unsupported'; feature: string; details?: string }
  | { type: 'other'; message: string }
