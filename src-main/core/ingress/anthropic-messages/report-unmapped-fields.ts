import type { CifWarning } from '../../cif'

/**
 * Warns about the fields of a client object that the CIF has no slot for (null, absent and empty-array ones do not count),
 * so nothing is dropped silently. `path` names the object, e.g. `messages.2.content.0`.
 */
export function reportUnmappedFields(value: Record<string, unknown>, mappedFields: readonly string[], path: string, warnings: CifWarning[]): void {
  for (const [field, fieldValue] of Object.entries(value)) {
    if (fieldValue === null || fieldValue === undefined || mappedFields.includes(field)) continue
    if (Array.isArray(fieldValue) && fieldValue.length === 0) continue
    warnings.push({ type: 'unsupported', feature: `${path}.${field}`, details: 'The gateway keeps this field only for an Anthropic upstream reached through passthrough.' })
  }
}
