/** What the Gemini Schema object (the OpenAPI subset in `parameters` / `responseSchema`) can say. */

/** JSON Schema types Gemini has (there is no `null`: that is `nullable`). */
export const geminiSchemaTypes = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object'])

/** `format` values the API accepts, per type ("only 'enum' and 'date-time' are supported for STRING type"). */
export const geminiFormatsByType: Record<string, ReadonlySet<string>> = {
  string: new Set(['enum', 'date-time']),
  number: new Set(['float', 'double']),
  integer: new Set(['int32', 'int64']),
}

/** Keywords copied as they are when their value has the right JSON type. */
export const copiedStringKeywords = ['title', 'description', 'pattern'] as const
export const copiedCountKeywords = ['minItems', 'maxItems', 'minProperties', 'maxProperties', 'minLength', 'maxLength'] as const
export const copiedNumberKeywords = ['minimum', 'maximum'] as const

/**
 * Keywords that only annotate or only serve references: dropped without a warning, since no constraint
 * is lost (`$ref` / `$defs` are inlined before).
 */
export const annotationKeywords = new Set(['$schema', '$id', '$comment', '$anchor', '$dynamicAnchor', '$defs', 'definitions', 'deprecated', 'readOnly', 'writeOnly', 'contentEncoding', 'contentMediaType'])
